import { parse } from 'csv-parse/sync';
import { CreatePatientRequestSchema, type CreatePatientRequest } from '../../../contracts/patients.js';
import { withoutAccents } from '../../shared/text.js';
import { patientDatesProblem } from './patients.rules.js';

/** The fields a practice-software export can fill, and the header names recognised for each without a mapping. */
export const IMPORT_FIELDS = [
  'externalId',
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'lastCareOn',
  'deathOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** Header names as practice software writes them, matched once accents are set aside (so the patterns stay ASCII): "Prénom" is "prenom". */
const GUESSES: Record<ImportField, RegExp> = {
  externalId:
    /^(id|identifiant|num(ero)?[ _-]?(patient|dossier)|n(o|\u00b0)[ _-]?dossier|code[ _-]?patient|external[ _-]?id)$/i,
  lastName: /^(nom|nom[ _-]?de[ _-]?famille|last[ _-]?name|surname)$/i,
  firstName: /^(prenom|first[ _-]?name)$/i,
  birthDate: /^(date[ _-]?(de[ _-]?)?naissance|ne\(?e?\)?[ _-]?le|ddn|birth[ _-]?date|date[ _-]?of[ _-]?birth)$/i,
  email: /^(e-?mail|courriel|mail)$/i,
  phone: /^(tel(ephone)?|portable|mobile|phone)$/i,
  address: /^(adresse|address)$/i,
  lastCareOn: /^(derniere?[ _-]?(visite|consultation|soin|rdv)|last[ _-]?(visit|care))$/i,
  deathOn: /^(date[ _-]?(de[ _-]?)?deces|decede[ _-]?le|death[ _-]?date)$/i,
};

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
  delimiter: string;
}

/** Reads an export as practice software writes them: UTF-8 with or without BOM, `;`, `,` or tab, quoted or not. */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const records: string[][] = parse(body, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const [headers = [], ...rows] = records;
  return { headers, rows, delimiter };
}

/** The mapping proposed from the header names; the person confirms or changes it. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of IMPORT_FIELDS) {
    const h = headers.find((x) => GUESSES[f].test(withoutAccents(x.trim())));
    if (h !== undefined) out[f] = h;
  }
  return out;
}

/** `JJ/MM/AAAA` (French exports) or `AAAA-MM-JJ` → `AAAA-MM-JJ`; anything else is left for the validator to refuse. */
export function normaliseDate(v: string): string {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v.trim());
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : v.trim();
}

export interface RejectedLine {
  /** The line in the file (the header is line 1). */
  line: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportPlan {
  valid: { line: number; patient: CreatePatientRequest }[];
  rejected: RejectedLine[];
}

/**
 * Checks every line with the same rules as a patient typed in the app, after mapping; a line whose software id
 * appears twice in the file is refused (the second time), so a re-import never merges two patients by mistake.
 */
/** `today`: the practice's date, for the dates that cannot be true (patients.rules.ts). */
export function planImport(csv: ParsedCsv, mapping: ColumnMapping, today: string): ImportPlan {
  const index = new Map<ImportField, number>();
  const rejected: RejectedLine[] = [];
  for (const [f, header] of Object.entries(mapping) as [ImportField, string][]) {
    const i = csv.headers.indexOf(header);
    if (i === -1) rejected.push({ line: 1, field: f, code: 'column_missing', params: { column: header } });
    else index.set(f, i);
  }
  for (const f of ['lastName', 'firstName', 'birthDate'] as const)
    if (!mapping[f]) rejected.push({ line: 1, field: f, code: 'column_required' });
  if (rejected.length) return { valid: [], rejected };
  const valid: ImportPlan['valid'] = [];
  const seen = new Set<string>();
  csv.rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (f: ImportField) => {
      const j = index.get(f);
      const v = j === undefined ? '' : (row[j] ?? '').trim();
      return v === '' ? undefined : v;
    };
    const raw: Record<string, unknown> = {};
    for (const f of IMPORT_FIELDS) {
      const v = cell(f);
      if (v !== undefined) raw[f] = f === 'birthDate' || f === 'lastCareOn' || f === 'deathOn' ? normaliseDate(v) : v;
    }
    const parsed = CreatePatientRequestSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const params = (issue as { params?: { code?: string } }).params;
        rejected.push({
          line,
          field: issue.path.join('.') || 'line',
          code:
            params?.code ??
            (issue.code === 'invalid_type' && raw[String(issue.path[0])] === undefined ? 'required' : issue.code),
        });
      }
      return;
    }
    const impossible = patientDatesProblem(
      {
        birthDate: parsed.data.birthDate,
        lastCareOn: parsed.data.lastCareOn ?? null,
        deathOn: parsed.data.deathOn ?? null,
      },
      today,
    );
    if (impossible) {
      rejected.push({ line, field: impossible.path, code: impossible.code });
      return;
    }
    const ext = parsed.data.externalId;
    if (ext) {
      if (seen.has(ext)) {
        rejected.push({ line, field: 'externalId', code: 'external_id_repeated' });
        return;
      }
      seen.add(ext);
    }
    valid.push({ line, patient: parsed.data });
  });
  return { valid, rejected };
}
