import type { Lang } from '../../platform/http/messages.js';
import type { CnilDraft } from '../../../contracts/breaches.js';
import { toCsv } from '../../platform/documents/csv.js';
import { toXlsx } from '../../platform/documents/xlsx.js';
import { CSV_TYPE, PDF_TYPE, TEXT_TYPE, XLSX_TYPE, type FileOut } from '../../platform/documents/file.js';
import { letterFile } from '../../platform/documents/letter.js';
import { cnilDraft, cnilDraftPdf, cnilDraftText } from './breach-cnil-draft.documents.js';
import { patientLetter } from './breach-letter.documents.js';
import { registerPdf, registerTable } from './breaches.documents.js';
import type { Clock } from '../../platform/clock.js';
import { type Actor } from '../../shared/actor.js';
import type { Access } from '../access/index.js';
import type { PracticesService } from '../practices/index.js';
import type { TeamService } from '../team/index.js';
import { loadDetail, presentDetail } from './breaches.presenter.js';
import * as repo from './breaches.repository.js';
import { parisDate } from '../../platform/clock.js';

export interface BreachDocumentsDeps {
  access: Access;
  clock: Clock;
  practices: PracticesService;
  team: TeamService;
}

/** What a breach produces on paper: the register, the draft of the CNIL notification, the letter to the people. */
export class BreachDocumentsService {
  constructor(private readonly deps: BreachDocumentsDeps) {}

  /** The breach register (Art. 33(5)), every breach notified or not; with none, the file says so as of today. */
  async exportRegister(actor: Actor, practiceId: string, format: 'csv' | 'xlsx' | 'pdf', lang: Lang): Promise<FileOut> {
    const data = await this.deps.access.run(
      actor,
      practiceId,
      { permission: 'breach.read', action: 'breach.register-exported', targetType: 'breach', targetId: null },
      async ({ tx, audit }) => {
        const rows = await repo.allBreaches(tx, practiceId);
        const ids = rows.map((r) => r.id);
        const [n, i, a] = await Promise.all([
          repo.findNotifications(tx, practiceId, ids),
          repo.findInformed(tx, practiceId, ids),
          repo.findActions(tx, practiceId, ids),
        ]);
        const items = rows.map((r) =>
          presentDetail(
            r,
            n.filter((x) => x.breach_id === r.id),
            i.filter((x) => x.breach_id === r.id),
            a.filter((x) => x.breach_id === r.id),
          ),
        );
        audit.details = { format, count: items.length };
        return {
          items,
          practice: await this.deps.practices.identity(tx, practiceId),
          names: await this.deps.team.memberNames(tx, practiceId),
        };
      },
    );
    const now = this.deps.clock.now();
    const asOf = parisDate(now);
    const none =
      lang === 'fr'
        ? `Aucune violation de données personnelles n’a été enregistrée au ${asOf.split('-').reverse().join('/')}.`
        : `No personal data breach was recorded as of ${asOf}.`;
    const base = `${lang === 'fr' ? 'registre-violations' : 'breach-register'}-${asOf}`;
    if (format === 'pdf')
      return {
        filename: `${base}.pdf`,
        contentType: PDF_TYPE,
        body: await registerPdf(data.items, data.practice, data.names, lang, asOf, now.toISOString(), none),
      };
    const table = registerTable(data.items, data.names, lang, none);
    if (format === 'csv')
      return { filename: `${base}.csv`, contentType: CSV_TYPE, body: toCsv(table.header, table.rows) };
    const widths = table.header.map((_, j) => ([1, 7, 8, 12, 15, 16, 17, 22, 26, 27, 28].includes(j) ? 40 : 18));
    return {
      filename: `${base}.xlsx`,
      contentType: XLSX_TYPE,
      body: await toXlsx(
        [{ name: lang === 'fr' ? 'Violations' : 'Breaches', header: table.header, rows: table.rows, widths }],
        now,
      ),
    };
  }

  /** The draft of the CNIL online notification, block by block, for the screen. */
  async cnilDraft(actor: Actor, practiceId: string, breachId: string): Promise<CnilDraft> {
    return (await this.draftData(actor, practiceId, breachId, 'json')).draft;
  }

  /** The same draft as text to copy block by block, or as a PDF to keep. */
  async cnilDraftFile(actor: Actor, practiceId: string, breachId: string, format: 'txt' | 'pdf'): Promise<FileOut> {
    const { draft, practice, now } = await this.draftData(actor, practiceId, breachId, format);
    const day = parisDate(now);
    if (format === 'txt')
      return {
        filename: `notification-cnil-${day}.txt`,
        contentType: TEXT_TYPE,
        body: cnilDraftText(draft, practice, now.toISOString()),
      };
    return {
      filename: `notification-cnil-${day}.pdf`,
      contentType: PDF_TYPE,
      body: await cnilDraftPdf(draft, practice, now.toISOString()),
    };
  }

  private async draftData(actor: Actor, practiceId: string, breachId: string, format: string) {
    const { detail, practice, names } = await this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'breach.read',
        action: 'breach.cnil-draft-generated',
        targetType: 'breach',
        targetId: breachId,
        load: (tx) => repo.findBreach(tx, practiceId, breachId),
      },
      async ({ tx, audit }, r) => {
        audit.details = { format };
        return {
          detail: await loadDetail(tx, practiceId, r),
          practice: await this.deps.practices.identity(tx, practiceId),
          names: await this.deps.team.memberNames(tx, practiceId),
        };
      },
    );
    const now = this.deps.clock.now();
    return { draft: cnilDraft(detail, practice, names, now), practice, now };
  }

  /** The letter to the people affected (Art. 34(2)), in plain words, as text to paste into an e-mail or as a PDF to print. */
  async patientLetter(
    actor: Actor,
    practiceId: string,
    breachId: string,
    format: 'txt' | 'pdf',
    lang: Lang,
  ): Promise<FileOut> {
    const { detail, practice } = await this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'breach.read',
        action: 'breach.letter-generated',
        targetType: 'breach',
        targetId: breachId,
        load: (tx) => repo.findBreach(tx, practiceId, breachId),
      },
      async ({ tx, audit }, r) => {
        audit.details = { format, lang };
        return {
          detail: await loadDetail(tx, practiceId, r),
          practice: await this.deps.practices.identity(tx, practiceId),
        };
      },
    );
    return letterFile(
      patientLetter(detail, practice, lang, parisDate(this.deps.clock.now())),
      practice,
      lang,
      format,
      lang === 'fr' ? 'lettre-patients' : 'letter-to-patients',
    );
  }
}
