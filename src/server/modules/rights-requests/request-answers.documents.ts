import { createHash } from 'node:crypto';
import yazl from 'yazl';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { parisDate } from '../../platform/clock.js';
import { cellText, toCsv } from '../../platform/documents/csv.js';
import { CSV_TYPE, PDF_TYPE, XLSX_TYPE, type FileOut } from '../../platform/documents/file.js';
import { frenchDate } from '../../platform/documents/format.js';
import { letterFile, LetterSchema, type LetterHead } from '../../platform/documents/letter.js';
import { fieldTable, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { toXlsx } from '../../platform/documents/xlsx.js';
import type { Lang } from '../../platform/http/messages.js';
import { decisionOf, presentRequest } from './rights-requests.detail.js';
import {
  CHANNEL_LABELS,
  KIND_LABELS,
  LETTER_LABELS,
  RELATION_LABELS,
  STATUS_LABELS,
  SUBJECT_LABELS,
  VERDICT_LABELS,
} from './rights-requests.labels.js';
import type * as repo from './rights-requests.repository.js';
import { lateness, type Lateness } from './rights-requests.rules.js';

// The documents of the answers: the letters' files, the answer's ZIP, the register of requests.

/** The answer in one ZIP: the files, the letters as PDF, and an index with each file's size and SHA-256. */
export async function answerZipFile(
  data: {
    r: repo.RequestRow;
    files: (Awaited<ReturnType<typeof repo.findFilesWithContent>>[number] & { bytes: Buffer })[];
    letters: repo.LetterRow[];
    practice: PracticeResponse;
  },
  lang: Lang,
  now: Date,
): Promise<FileOut> {
  const fr = lang === 'fr';
  const used = new Set<string>();
  const unique = (folder: string, name: string) => {
    const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 150) || 'fichier';
    let candidate = `${folder}/${clean}`;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${folder}/${n}-${clean}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
  const entries: { path: string; bytes: Buffer; size: number; sha256: string; label: string }[] = [];
  for (const f of data.files)
    entries.push({
      path: unique(fr ? 'fichiers' : 'files', f.name),
      bytes: f.bytes,
      size: Number(f.size),
      sha256: f.sha256,
      label: f.uploaded_at,
    });
  for (const l of data.letters) {
    const pdf = (await letterFileOut(l, data.practice, 'pdf')).body as Buffer;
    entries.push({
      path: unique(fr ? 'courriers' : 'letters', `${l.generated_at.slice(0, 10)}-${LETTER_LABELS[lang][l.kind]}.pdf`),
      bytes: pdf,
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      label: l.sent_on ? `${fr ? 'envoyé le' : 'sent on'} ${l.sent_on}` : fr ? 'non envoyé' : 'not sent',
    });
  }
  const r = presentRequest(data.r);
  const index = [
    fr
      ? `Réponse à une demande de droits — ${data.practice.name}`
      : `Answer to a rights request — ${data.practice.name}`,
    `${fr ? 'Demande' : 'Request'}: ${KIND_LABELS[lang][r.kind]}, ${fr ? 'reçue le' : 'received on'} ${r.receivedOn}, ${r.requester.name} (${RELATION_LABELS[lang][r.requester.relation]})`,
    `${fr ? 'Statut' : 'Status'}: ${STATUS_LABELS[lang][r.status]}${r.closedOn ? ` (${r.closedOn})` : ''}`,
    `${fr ? 'Constitué le' : 'Bundled on'} ${now.toISOString()}`,
    '',
    fr ? 'Fichier ; taille (octets) ; SHA-256 ; note' : 'File; size (bytes); SHA-256; note',
    ...entries.map((e) => `${e.path} ; ${e.size} ; ${e.sha256} ; ${e.label}`),
    '',
  ].join('\r\n');
  const zip = new yazl.ZipFile();
  const mtime = now;
  zip.addBuffer(Buffer.from(index, 'utf8'), 'index.txt', { mtime });
  for (const e of entries) zip.addBuffer(e.bytes, e.path, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return {
    filename: `${fr ? 'reponse' : 'answer'}-${r.receivedOn}-${r.id}.zip`,
    contentType: 'application/zip',
    body: Buffer.concat(chunks),
  };
}

/** The register of requests as PDF, CSV or XLSX: each request, its clock, its decision and its letters. */
export async function requestsRegisterFile(
  data: { rows: repo.RequestRow[]; letters: repo.LetterRow[]; practice: PracticeResponse },
  format: 'pdf' | 'csv' | 'xlsx',
  lang: Lang,
  now: Date,
): Promise<FileOut> {
  const asOf = parisDate(now);
  const none =
    lang === 'fr'
      ? `Aucune demande n’a été enregistrée au ${frenchDate(asOf)}.`
      : `No request was recorded as of ${asOf}.`;
  const table = registerTable(data.rows, data.letters, lang, asOf);
  if (table.rows.length === 0 && format !== 'pdf') table.rows.push(table.header.map((_, j) => (j === 1 ? none : '')));
  const base = `${lang === 'fr' ? 'registre-demandes' : 'requests-register'}-${asOf}`;
  if (format === 'csv')
    return { filename: `${base}.csv`, contentType: CSV_TYPE, body: toCsv(table.header, table.rows) };
  if (format === 'xlsx')
    return {
      filename: `${base}.xlsx`,
      contentType: XLSX_TYPE,
      body: await toXlsx(
        [
          {
            name: lang === 'fr' ? 'Demandes' : 'Requests',
            header: table.header,
            rows: table.rows,
            widths: table.header.map((_, j) => ([4, 11, 13].includes(j) ? 40 : 16)),
          },
        ],
        now,
      ),
    };
  const fr = lang === 'fr';
  const title = fr ? 'Registre des demandes d’exercice des droits' : 'Register of rights requests';
  const content: PdfNode[] = [
    { text: title, style: 'title' },
    { text: data.practice.name, style: 'subtitle' },
    fieldTable([
      [fr ? 'Responsable de traitement' : 'Controller', data.practice.controllerName],
      [fr ? 'État au' : 'As of', frenchDate(asOf)],
      [fr ? 'Demandes enregistrées' : 'Requests recorded', String(data.rows.length)],
    ]),
  ];
  if (data.rows.length === 0) content.push({ text: none, style: 'h1' });
  table.rows.forEach((row) => {
    content.push({ text: `${String(row[0])}. ${String(row[2])} — ${String(row[1])}`, style: 'h1' });
    content.push(fieldTable(table.header.slice(3).map((h, j): [string, string] => [h, cellText(row[j + 3])])));
  });
  const footer = `${title} — ${data.practice.name} — ${fr ? 'état au' : 'as of'} ${frenchDate(asOf)}`;
  return {
    filename: `${base}.pdf`,
    contentType: PDF_TYPE,
    body: await renderPdf({
      title,
      footer,
      content,
      pageLabel: (n, m) => (fr ? `page ${n} / ${m}` : `page ${n} of ${m}`),
    }),
  };
}

export async function letterFileOut(l: repo.LetterRow, practice: LetterHead, format: 'pdf' | 'txt'): Promise<FileOut> {
  const letter = LetterSchema.parse(JSON.parse(l.body));
  const lang = l.language;
  return letterFile(
    letter,
    practice,
    lang,
    format,
    `${lang === 'fr' ? 'courrier' : 'letter'}-${l.kind}-${l.generated_at.slice(0, 10)}`,
  );
}

const REGISTER_HEADER: Record<Lang, string[]> = {
  fr: [
    'N°',
    'Reçue le',
    'Type',
    'Canal',
    'Demandeur',
    'Patient lié',
    'Échéance',
    'Prolongation',
    'Identité demandée / reçue',
    'Statut',
    'Clôturée le',
    'Décision',
    'Hors délai',
    'Courriers',
  ],
  en: [
    'No.',
    'Received',
    'Kind',
    'Channel',
    'Requester',
    'Patient linked',
    'Due',
    'Extension',
    'Identity asked / received',
    'Status',
    'Closed on',
    'Decision',
    'Late',
    'Letters',
  ],
};

const LATENESS: Record<Lang, Record<Lateness, string>> = {
  fr: {
    on_time: 'non',
    late: 'oui',
    overdue: 'oui (toujours en cours)',
    recorded_after_due: 'réponse datée avant l’échéance mais enregistrée après',
  },
  en: {
    on_time: 'no',
    late: 'yes',
    overdue: 'yes (still open)',
    recorded_after_due: 'answer dated before the due date but recorded after it',
  },
};

export function registerTable(
  rows: repo.RequestRow[],
  letters: repo.LetterRow[],
  lang: Lang,
  today: string,
): { header: string[]; rows: unknown[][] } {
  const yes = lang === 'fr' ? 'oui' : 'yes';
  const no = lang === 'fr' ? 'non' : 'no';
  const byRequest = new Map<string, repo.LetterRow[]>();
  for (const l of letters) byRequest.set(l.request_id, [...(byRequest.get(l.request_id) ?? []), l]);
  return {
    header: REGISTER_HEADER[lang],
    rows: rows.map((row, i) => {
      const r = presentRequest(row);
      const d = decisionOf(row);
      const sent = (byRequest.get(r.id) ?? []).map(
        (l) =>
          `${LETTER_LABELS[lang][l.kind]}${l.sent_on ? ` (${l.sent_on})` : lang === 'fr' ? ' (non envoyé)' : ' (not sent)'}`,
      );
      return [
        i + 1,
        r.receivedOn,
        KIND_LABELS[lang][r.kind],
        CHANNEL_LABELS[lang][r.channel],
        `${r.requester.name} (${RELATION_LABELS[lang][r.requester.relation]})`,
        r.patientId ? yes : no,
        r.dueOn ?? '',
        r.extended ? `${r.extensionNotifiedOn ?? ''} — ${r.extensionReason ?? ''}` : no,
        r.identityRequestedOn ? `${r.identityRequestedOn} / ${r.identityReceivedOn ?? '…'}` : '',
        STATUS_LABELS[lang][r.status],
        r.closedOn ?? '',
        d
          ? d.items
              .map(
                (it) =>
                  `${SUBJECT_LABELS[lang][it.subject]} : ${VERDICT_LABELS[lang][it.verdict]}${it.reasons ? ` (${it.reasons})` : ''}`,
              )
              .join(' ; ')
          : '',
        LATENESS[lang][lateness(r, d ? parisDate(new Date(d.decidedAt)) : null, today)],
        sent.join(' ; '),
      ];
    }),
  };
}
