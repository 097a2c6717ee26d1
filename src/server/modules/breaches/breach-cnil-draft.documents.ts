import type { BreachDetail, CnilDraft } from '../../../contracts/breaches.js';
import type { PracticeResponse } from '../../../contracts/practices.js';
import { fieldTable, renderPdf, type PdfNode } from '../../platform/documents/pdf.js';
import { frenchDate as frDate } from '../../platform/documents/format.js';
import {
  BAND_LABELS,
  CAUSE_LABELS,
  CHANNEL_LABELS,
  CIRCUMSTANCE_LABELS,
  CONSEQUENCE_LABELS,
  DATA_LABELS,
  EXCEPTION_LABELS,
  INFORMATION_STATE_LABELS,
  label,
  labelList,
  NATURE_LABELS,
  PEOPLE_LABELS,
} from './breaches.labels.js';
import { informationState, peopleBand } from './breaches.rules.js';

import { humanInstant, nameOf, yesNo } from './breaches.documents.js';

/**
 * The CNIL online form, block by block, filled from the breach and the practice (French: the form is French). Field
 * order follows the téléservice as documented [S]; a field Gardien does not know is listed in `missing`.
 */
export function cnilDraft(b: BreachDetail, p: PracticeResponse, names: Map<string, string>, now: Date): CnilDraft {
  const missing: string[] = [];
  const v = (label: string, value: string | null | undefined, required = false) => {
    if (required && !value) missing.push(label);
    return { label, value: value ?? '' };
  };
  const first = b.notifications.find((n) => n.kind !== 'complementary');
  const late = first ? first.late : now.getTime() > Date.parse(b.notifyBy);
  const informed = b.peopleInformed.reduce((s, i) => s + i.peopleCount, 0);
  return {
    blocks: [
      {
        key: 'type',
        title: 'Type de notification',
        fields: [
          v('Type', first ? 'Notification complémentaire' : 'Notification initiale (compléments à suivre) ou complète'),
          v('Référence de la notification initiale', first?.reference ?? ''),
        ],
      },
      {
        key: 'organisation',
        title: 'Organisme',
        fields: [
          v('SIREN', p.siren, true),
          v('Raison sociale', p.name, true),
          v('Forme juridique', p.legalForm),
          v('Adresse', p.address, true),
          v('Secteur d’activité', 'Santé humaine et action sociale'),
          v('Responsable de traitement / représentant légal', p.controllerName, true),
          v('Personne à contacter (DPO ou autre)', p.dpoContact, true),
        ],
      },
      {
        key: 'timeline',
        title: 'Chronologie',
        fields: [
          v('Début de la violation', humanInstant(b.startedAt)),
          v('Découverte', humanInstant(b.detectedAt)),
          v('Prise de connaissance (début du délai de 72 heures)', humanInstant(b.awareAt), true),
          v('Fin de la violation', b.endedAt ? humanInstant(b.endedAt) : 'En cours ou date inconnue'),
          v('Échéance des 72 heures', humanInstant(b.notifyBy)),
          ...(late ? [v('Motifs du retard (notification après 72 heures)', first?.delayReasons ?? '', true)] : []),
        ],
      },
      {
        key: 'nature',
        title: 'Nature de la violation',
        fields: [
          v('Nature', labelList(NATURE_LABELS, b.nature, 'fr'), true),
          v('Origine de l’incident', labelList(CIRCUMSTANCE_LABELS, b.circumstances, 'fr'), true),
          v('Cause', label(CAUSE_LABELS, b.cause, 'fr'), true),
          v('Description', b.description, true),
        ],
      },
      {
        key: 'data',
        title: 'Données et personnes concernées',
        fields: [
          v('Catégories de personnes', labelList(PEOPLE_LABELS, b.peopleCategories, 'fr'), true),
          v(
            'Nombre approximatif de personnes',
            b.approxPeople === null ? '' : `${b.approxPeople} (tranche ${peopleBand(b.approxPeople)})`,
            true,
          ),
          v('Catégories de données', labelList(DATA_LABELS, b.dataCategories, 'fr'), true),
          v('Données sensibles (art. 9)', b.dataCategories.includes('health') ? 'Oui : données de santé' : 'Non'),
          v('Nombre approximatif d’enregistrements', b.approxRecords === null ? '' : String(b.approxRecords), true),
          v('Données chiffrées avec une clé non compromise', yesNo(b.encrypted, 'fr')),
        ],
      },
      {
        key: 'consequences',
        title: 'Conséquences probables',
        fields: [
          v('Conséquences pour les personnes', labelList(CONSEQUENCE_LABELS, b.consequences, 'fr'), true),
          v('Précisions', b.consequencesNote),
          v(
            'Gravité estimée',
            b.severity
              ? `${label(BAND_LABELS, b.severity.band, 'fr')} (méthode ENISA : ${b.severity.score.toLocaleString('fr-FR')})`
              : '',
            true,
          ),
        ],
      },
      {
        key: 'measures',
        title: 'Mesures prises ou envisagées',
        fields: [
          v('Mesures', b.measures, true),
          v(
            'Actions correctives',
            b.actions
              .map(
                (a) =>
                  `${a.title} (${a.doneOn ? `faite le ${frDate(a.doneOn)}` : `prévue le ${frDate(a.dueOn)}`}, ${nameOf(names, a.ownerId) || 'sans responsable'})`,
              )
              .join('\n'),
          ),
        ],
      },
      {
        key: 'information',
        title: 'Information des personnes',
        fields: [
          v(
            'Les personnes ont-elles été informées ?',
            label(INFORMATION_STATE_LABELS, informationState(b.decision?.decision ?? null, informed), 'fr'),
          ),
          v(
            'Date et moyen',
            b.peopleInformed
              .map(
                (i) =>
                  `${frDate(i.informedOn)} — ${label(CHANNEL_LABELS, i.channel, 'fr')} — ${i.recipients} (${i.peopleCount})`,
              )
              .join('\n'),
          ),
          v(
            'Justification si elles ne sont pas informées',
            b.decision?.peopleException
              ? label(EXCEPTION_LABELS, b.decision.peopleException, 'fr')
              : b.decision?.decision !== 'notify_authority_and_people'
                ? (b.decision?.reason ?? '')
                : '',
          ),
        ],
      },
      {
        key: 'cross_border',
        title: 'Dimension transfrontalière',
        fields: [v('Traitement transfrontalier', 'Non (cabinet établi en France) — à vérifier')],
      },
    ],
    missing,
  };
}

export function cnilDraftText(d: CnilDraft, p: PracticeResponse, generatedAt: string): string {
  const lines = [
    `Brouillon de notification à la CNIL — ${p.name}`,
    `Généré par Gardien le ${humanInstant(generatedAt)} (heure de Paris). À recopier bloc par bloc sur https://notifications.cnil.fr/`,
    '',
  ];
  for (const b of d.blocks) {
    lines.push(`== ${b.title} ==`);
    for (const f of b.fields) lines.push(`${f.label} : ${f.value || '(à compléter)'}`);
    lines.push('');
  }
  if (d.missing.length) lines.push(`À compléter avant l’envoi : ${d.missing.join(' ; ')}`);
  return lines.join('\r\n');
}

export function cnilDraftPdf(d: CnilDraft, p: PracticeResponse, generatedAt: string): Promise<Buffer> {
  const content: PdfNode[] = [
    { text: 'Brouillon de notification à la CNIL', style: 'title' },
    {
      text: `${p.name} — généré le ${humanInstant(generatedAt)} (heure de Paris). À recopier bloc par bloc sur notifications.cnil.fr.`,
      style: 'muted',
    },
  ];
  for (const b of d.blocks)
    content.push(
      { text: b.title, style: 'h1' },
      fieldTable(b.fields.map((f) => [f.label, f.value || '(à compléter)'])),
    );
  if (d.missing.length) content.push({ text: 'À compléter avant l’envoi', style: 'h1' }, { ul: d.missing });
  return renderPdf({
    title: 'Brouillon de notification à la CNIL',
    footer: `Gardien — ${p.name} — brouillon du ${humanInstant(generatedAt)}`,
    content,
  });
}
