import { parisDate, type Clock } from '../../platform/clock.js';
import { renderDocx } from '../../platform/documents/docx.js';
import { CSV_TYPE, DOCX_TYPE, PDF_TYPE, XLSX_TYPE, type FileOut } from '../../platform/documents/file.js';
import { letterDocx, letterPdf } from '../../platform/documents/letter.js';
import { simpleDocPdf } from '../../platform/documents/simple-pdf.js';
import type { Actor } from '../../shared/actor.js';
import { withoutAccents } from '../../shared/text.js';
import { conflict } from '../../shared/app-error.js';
import type { Access } from '../access/index.js';
import type { PracticesService } from '../practices/index.js';
import type { RegisterService } from '../register/index.js';
import { clausesDoc } from './processor-clauses.documents.js';
import { listCsv, listPdf, listXlsx, questionnaireLetter } from './processors.documents.js';
import type { ProcessorsService } from './processors.service.js';

type Lang = 'fr' | 'en';

/** A file name from a processor's name: letters, digits and dashes only. */
const slug = (s: string) =>
  withoutAccents(s)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'sous-traitant';

/** The documents of the processors: the Art. 28 clauses and the questionnaire of one processor, the list of all. */
export class ProcessorDocumentsService {
  constructor(
    private readonly deps: {
      access: Access;
      clock: Clock;
      practices: PracticesService;
      register: RegisterService;
      processors: ProcessorsService;
    },
  ) {}

  /** The data-processing clauses (avenant RGPD), ready to sign, as DOCX or PDF. */
  clauses(actor: Actor, practiceId: string, processorId: string, format: 'pdf' | 'docx', lang: Lang): Promise<FileOut> {
    return this.deps.processors.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.read', action: 'processor.clauses-generated' },
      async (tx, row, audit) => {
        // Art. 28 binds a processor only: a separate or a joint controller (Art. 26) signs something else.
        if (row.role !== 'processor') throw conflict('role', 'not_a_processor');
        const processor = await this.deps.processors.present(tx, practiceId, row);
        const names = await this.deps.register.activityNames(tx, practiceId);
        const doc = clausesDoc(
          {
            practice: await this.deps.practices.identity(tx, practiceId),
            processor: processor,
            activities: [...new Set([...processor.activityIds, ...processor.namedByActivityIds])]
              .map((id) => names.get(id))
              .filter((n): n is string => !!n),
            today: parisDate(this.deps.clock.now()),
          },
          lang,
        );
        audit.details = { format, lang };
        const base = `${lang === 'fr' ? 'avenant-rgpd' : 'data-processing-addendum'}-${slug(row.name)}`;
        return format === 'docx'
          ? { filename: `${base}.docx`, contentType: DOCX_TYPE, body: await renderDocx(doc) }
          : { filename: `${base}.pdf`, contentType: PDF_TYPE, body: await simpleDocPdf(doc) };
      },
    );
  }

  /** The questionnaire to send the processor: a dated, addressed and signed letter, as DOCX or PDF. */
  questionnaire(
    actor: Actor,
    practiceId: string,
    processorId: string,
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<FileOut> {
    return this.deps.processors.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.read', action: 'processor.questionnaire-generated' },
      async (tx, row, audit) => {
        if (row.role !== 'processor') throw conflict('role', 'not_a_processor');
        const processor = await this.deps.processors.present(tx, practiceId, row);
        const practice = await this.deps.practices.identity(tx, practiceId);
        const letter = questionnaireLetter(practice, processor, parisDate(this.deps.clock.now()), lang);
        const from = { name: practice.name, address: practice.address, phone: practice.phone, email: practice.email };
        audit.details = { format, lang };
        const base = `${lang === 'fr' ? 'questionnaire-sous-traitant' : 'processor-questionnaire'}-${slug(row.name)}`;
        return format === 'docx'
          ? { filename: `${base}.docx`, contentType: DOCX_TYPE, body: await letterDocx(letter, from, lang) }
          : { filename: `${base}.pdf`, contentType: PDF_TYPE, body: await letterPdf(letter, from, lang) };
      },
    );
  }

  /** The list of processors with the checklist at a glance, as PDF, XLSX or CSV (formula-safe). */
  exportList(actor: Actor, practiceId: string, format: 'pdf' | 'xlsx' | 'csv', lang: Lang): Promise<FileOut> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'processor.read',
        action: 'processor.list-exported',
        targetType: 'processor',
        targetId: null,
        readOnly: true,
      },
      async ({ tx, audit }) => {
        const items = await this.deps.processors.findAll(tx, practiceId);
        const now = this.deps.clock.now();
        audit.details = { format, lang, count: items.length };
        const base = lang === 'fr' ? 'sous-traitants' : 'processors';
        if (format === 'csv') return { filename: `${base}.csv`, contentType: CSV_TYPE, body: listCsv(items, lang) };
        if (format === 'xlsx')
          return { filename: `${base}.xlsx`, contentType: XLSX_TYPE, body: await listXlsx(items, lang, now) };
        const practice = await this.deps.practices.identity(tx, practiceId);
        return {
          filename: `${base}.pdf`,
          contentType: PDF_TYPE,
          body: await listPdf(practice, items, parisDate(now), lang),
        };
      },
    );
  }
}
