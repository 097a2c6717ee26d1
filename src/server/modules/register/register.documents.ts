import type { PracticeResponse } from '../../../contracts/practices.js';
import { REGISTER_WORDS } from '../../../contracts/register-labels.js';
import { RegisterExportSchema, type Activity, type ProcessorActivitySchema } from '../../../contracts/register.js';
import type { z } from 'zod';
import { toCsv } from '../../platform/documents/csv.js';
import { renderDocx, type SimpleDoc } from '../../platform/documents/docx.js';
import { documentDay } from '../../platform/documents/format.js';
import { fieldTable, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { toXlsx, type Sheet } from '../../platform/documents/xlsx.js';
import {
  partnersDocx,
  partnersPdf,
  partnersSheet,
  recipientName,
  withPartnersCsv,
} from './register-partners.documents.js';
import type { Lang } from '../../platform/http/messages.js';
import { L } from './register-export.words.js';

type ProcessorActivity = z.infer<typeof ProcessorActivitySchema>;

export interface RegisterData {
  practice: PracticeResponse;
  activities: Activity[];
  processors: ProcessorActivity[];
  /** People's names by id (who validated). */
  names: Map<string, string>;
  /** The practice's processors by id (a recipient may name one) and their list as printed (processors module). */
  partnerNames: Map<string, string>;
  partners: { header: string[]; rows: string[][] };
  asOf: string;
  generatedAt: string;
}

/** One activity as labelled values: the CNIL fiche's rubrics in its order, each list on its own lines. */
export function activityRows(
  a: Activity,
  lang: Lang,
  { names, partnerNames }: Pick<RegisterData, 'names' | 'partnerNames'>,
): [string, string][] {
  const t = L[lang];
  const w = REGISTER_WORDS[lang];
  const f = a.fields;
  const retention = (r: { active: string; archive: string; deletion: string }) =>
    [
      r.active && `${t.active} : ${r.active}`,
      r.archive && `${t.archive} : ${r.archive}`,
      r.deletion && `${t.deletion} : ${r.deletion}`,
    ]
      .filter(Boolean)
      .join(' ; ');
  const colon = lang === 'fr' ? ' : ' : ': ';
  return [
    [t.ref, f.ref],
    [
      t.status,
      a.status === 'validated'
        ? `${t.validated} — ${t.version} ${a.version}`
        : a.version > 0
          ? `${t.draft} — ${t.version} ${a.version} ${lang === 'fr' ? 'validée le' : 'validated on'} ${documentDay(a.validatedAt, lang)}`
          : t.draft,
    ],
    [
      t.validatedOn,
      a.validatedAt
        ? `${documentDay(a.validatedAt, lang)} ${t.by} ${names.get(a.validatedBy ?? '') ?? a.validatedBy ?? ''}`
        : '',
    ],
    [t.review, documentDay(a.reviewDueOn, lang)],
    [t.created, documentDay(a.createdAt, lang)],
    [t.updated, documentDay(a.updatedAt, lang)],
    [t.joint, f.jointController],
    [t.software, f.software],
    [
      t.purposes,
      f.purposes
        .map(
          (p) =>
            `${p.purpose} — ${t.basis}${colon}${p.legalBasis ? w.legalBases[p.legalBasis] : '?'}${p.art9Condition ? ` — ${t.art9}${colon}${w.art9[p.art9Condition]}` : ''}`,
        )
        .join('\n'),
    ],
    [t.people, f.people.map((p) => `${w.people[p.category]}${p.details ? ` — ${p.details}` : ''}`).join('\n')],
    [
      t.data,
      f.data
        .map(
          (d) =>
            `${w.data[d.category]}${d.description ? ` — ${d.description}` : ''}\n   ${t.retention}${colon}${retention(d.retention)}`,
        )
        .join('\n'),
    ],
    [
      t.sensitive,
      f.sensitive
        .map(
          (d) =>
            `${w.sensitive[d.category]}${d.description ? ` — ${d.description}` : ''}\n   ${t.retention}${colon}${retention(d.retention)}`,
        )
        .join('\n'),
    ],
    [t.recipients, f.recipients.map((r) => `${w.recipients[r.type]} — ${recipientName(r, partnerNames)}`).join('\n')],
    [
      t.transfers,
      f.transfers.length
        ? f.transfers
            .map(
              (x) =>
                `${x.recipient} (${x.country}) — ${w.safeguards[x.safeguard]}${x.documentation ? ` — ${x.documentation}` : ''}`,
            )
            .join('\n')
        : t.noTransfer,
    ],
    [t.security, f.security.map((s) => `${w.security[s.type]}${s.details ? ` — ${s.details}` : ''}`).join('\n')],
    [
      t.dpia,
      `${w.dpiaReasons[a.dpiaReason]}${f.dpiaCriteria.length ? `\n${t.criteria}${colon}${f.dpiaCriteria.map((c) => w.dpia[c]).join(' ; ')}` : ''}`,
    ],
    [t.notes, f.notes],
    [t.missing, a.missing.join(', ')],
  ];
}

function processorRows(p: ProcessorActivity, lang: Lang): [string, string][] {
  const t = L[lang];
  return [
    [t.client, p.clientName],
    [t.clientContact, p.clientContact],
    [t.clientRep, p.clientRepresentative],
    [t.clientDpo, p.clientDpo],
    [t.categories, p.categories],
    [t.subProcessors, p.subProcessors],
    [t.transfers, p.transfers],
    [t.security, p.security],
  ];
}

function header(d: RegisterData, lang: Lang): [string, string | null][] {
  const t = L[lang];
  return [
    [t.controller, `${d.practice.controllerName} — ${d.practice.name}`],
    [t.address, d.practice.address],
    [t.siren, d.practice.siren],
    [t.dpo, d.practice.dpoContact],
    [t.asOf, documentDay(d.asOf, lang)],
    [t.count, String(d.activities.length)],
  ];
}

const footerOf = (d: RegisterData, lang: Lang) => {
  const t = L[lang];
  const versions = d.activities.filter((a) => a.version > 0).length;
  return `${t.title} — ${d.practice.name} — ${t.asOf.toLowerCase()} ${documentDay(d.asOf, lang)} — ${versions}/${d.activities.length} ${lang === 'fr' ? 'activités validées' : 'activities validated'} — ${t.generated} ${d.generatedAt.slice(0, 16).replace('T', ' ')} UTC`;
};

/** PDF: cover, table of contents, one section per activity, the processor register, page n / m and the version line on every page. */
export function registerPdf(d: RegisterData, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const content: PdfNode[] = [
    { text: t.title, style: 'title' },
    { text: d.practice.name, style: 'subtitle' },
    fieldTable(header(d, lang)),
    { text: t.legalBasisNote, style: 'muted' },
    { toc: { title: { text: lang === 'fr' ? 'Sommaire' : 'Contents', style: 'h1' } } },
  ];
  if (d.activities.length === 0) content.push({ text: t.none, style: 'h1' });
  d.activities.forEach((a, i) => {
    content.push({ text: `${i + 1}. ${a.fields.name}`, style: 'h1', tocItem: true, pageBreak: 'before' });
    content.push(fieldTable(activityRows(a, lang, d)));
  });
  if (d.processors.length > 0) {
    content.push({ text: t.processorTitle, style: 'h1', tocItem: true, pageBreak: 'before' });
    d.processors.forEach((p, i) => {
      content.push({ text: `${i + 1}. ${p.clientName}`, style: 'h2' });
      content.push(fieldTable(processorRows(p, lang)));
    });
  }
  content.push(...partnersPdf(d, lang));
  return renderPdf({
    title: `${t.title} — ${d.practice.name}`,
    footer: footerOf(d, lang),
    content,
    pageLabel: (n, m) => (lang === 'fr' ? `page ${n} / ${m}` : `page ${n} of ${m}`),
  });
}

export function registerDocx(d: RegisterData, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const sections: SimpleDoc['sections'] = [{ rows: header(d, lang), paragraphs: [t.legalBasisNote] }];
  if (d.activities.length === 0) sections.push({ paragraphs: [t.none] });
  d.activities.forEach((a, i) =>
    sections.push({ heading: `${i + 1}. ${a.fields.name}`, rows: activityRows(a, lang, d), pageBreak: true }),
  );
  if (d.processors.length > 0) {
    sections.push({ heading: t.processorTitle, pageBreak: true });
    d.processors.forEach((p, i) =>
      sections.push({ heading: `${i + 1}. ${p.clientName}`, level: 2, rows: processorRows(p, lang) }),
    );
  }
  sections.push(...partnersDocx(d, lang));
  return renderDocx({
    title: t.title,
    subtitle: d.practice.name,
    footer: footerOf(d, lang),
    lang,
    sections,
    toc: true,
  });
}

/**
 * XLSX in the CNIL model's layout: the sheet "Liste des traitements" (the controller and DPO, then one line per
 * activity with its reference, dates, main purpose and sensitive data yes / no), then one "fiche" sheet per activity.
 */
export function registerXlsx(d: RegisterData, lang: Lang, created: Date): Promise<Buffer> {
  const t = L[lang];
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const list: Sheet = {
    name: lang === 'fr' ? 'Liste des traitements' : 'Processing list',
    header: [t.ref, t.name, t.created, t.updated, t.purposes, t.sensitiveYes, t.status, t.review],
    rows: [
      ...header(d, lang).map(([k, v]) => ['', k, v ?? '', '', '', '', '', '']),
      ['', '', '', '', '', '', '', ''],
      ...(d.activities.length === 0 ? [['', t.none, '', '', '', '', '', '']] : []),
      ...d.activities.map((a) => [
        a.fields.ref,
        a.fields.name,
        documentDay(a.createdAt, lang),
        documentDay(a.updatedAt, lang),
        a.fields.purposes[0]?.purpose ?? '',
        yesNo(a.fields.sensitive.length > 0),
        a.status === 'validated' ? t.validated : t.draft,
        documentDay(a.reviewDueOn, lang),
      ]),
    ],
    widths: [10, 40, 14, 14, 50, 12, 14, 14],
  };
  const fiches: Sheet[] = d.activities.map((a, i) => ({
    name: `${i + 1} - ${a.fields.name}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31),
    header: [lang === 'fr' ? 'Rubrique' : 'Section', lang === 'fr' ? 'Description' : 'Description'],
    rows: [[t.name, a.fields.name], ...activityRows(a, lang, d).filter(([, v]) => v !== '')],
    widths: [36, 110],
  }));
  const processors: Sheet[] = d.processors.length
    ? [
        {
          name: lang === 'fr' ? 'Sous-traitant (art. 30.2)' : 'Processor (Art. 30(2))',
          header: processorRows(d.processors[0]!, lang).map(([k]) => k),
          rows: d.processors.map((p) => processorRows(p, lang).map(([, v]) => v)),
          widths: Array(8).fill(30),
        },
      ]
    : [];
  return toXlsx([list, ...fiches, ...processors, ...partnersSheet(d, lang)], created);
}

/** CSV: one line per activity, every rubric a column (formula injection neutralised by the CSV writer). */
export function registerCsv(d: RegisterData, lang: Lang): string {
  const t = L[lang];
  // Art. 30(1) and 30(2) in one table: a column says which part a row belongs to; each part fills its own columns.
  const part = lang === 'fr' ? 'Partie du registre' : 'Part of the register';
  const controller = lang === 'fr' ? 'Article 30.1 (responsable du traitement)' : 'Article 30(1) (controller)';
  const processor = lang === 'fr' ? 'Article 30.2 (sous-traitant)' : 'Article 30(2) (processor)';
  const activityHeader = d.activities.length ? activityRows(d.activities[0]!, lang, d).map(([k]) => k) : [];
  const processorHeader = d.processors.length ? processorRows(d.processors[0]!, lang).map(([k]) => k) : [];
  if (d.activities.length === 0 && d.processors.length === 0 && d.partners.rows.length === 0)
    return toCsv([t.name], [[t.none]]);
  const rows = [
    ...d.activities.map((a) => [
      a.fields.name,
      ...activityRows(a, lang, d).map(([, v]) => v),
      controller,
      ...processorHeader.map(() => ''),
    ]),
    ...d.processors.map((p) => [
      p.clientName,
      ...activityHeader.map(() => ''),
      processor,
      ...processorRows(p, lang).map(([, v]) => v),
    ]),
  ];
  const header = [t.name, ...activityHeader, part, ...processorHeader];
  return toCsv(...withPartnersCsv(d, lang, header, rows, 1 + activityHeader.length));
}

/** JSON: the register as the API answers it, with the practice and the date; the schema is docs/register-export.schema.json. */
export function registerJson(d: RegisterData): string {
  return `${JSON.stringify(
    RegisterExportSchema.parse({
      format: 'gardien.register/1',
      asOf: d.asOf,
      generatedAt: d.generatedAt,
      // The schema keeps the practice's identity and leaves out its settings.
      practice: d.practice,
      activities: d.activities,
      processorActivities: d.processors,
    }),
    null,
    2,
  )}\n`;
}
