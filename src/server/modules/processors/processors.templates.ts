import type { KindTemplate, ProcessorKind } from '../../../contracts/processors.js';

const t = (
  kind: ProcessorKind,
  fr: string,
  en: string,
  dataCategories: KindTemplate['dataCategories'],
  hostsHealthData: boolean,
  handlesHealthData = true,
): KindTemplate => ({
  kind,
  role: 'processor',
  handlesHealthData,
  hostsHealthData,
  services: { fr, en },
  dataCategories,
});

/**
 * What each kind of partner usually does for a dental practice: the services, the data it receives and whether it keeps
 * health data on the practice's behalf (which makes an HDS certificate mandatory, CSP L1111-8). A starting point that
 * the practice corrects: a laboratory receives prescriptions and impressions but does not host the record; a practice
 * software in the cloud does.
 */
export const KIND_TEMPLATES: readonly KindTemplate[] = [
  t(
    'laboratory',
    'Fabrication des prothèses et dispositifs sur mesure à partir des prescriptions, empreintes et photos transmises par le cabinet.',
    'Making prostheses and custom devices from the prescriptions, impressions and photos the practice sends.',
    ['identity', 'health'],
    false,
  ),
  t(
    'software_vendor',
    'Édition, hébergement et maintenance du logiciel de gestion du cabinet (dossiers patients, agenda, facturation, télétransmission).',
    'Publishing, hosting and maintaining the practice management software (patient records, diary, billing, teletransmission).',
    ['identity', 'personal_life', 'economic', 'nir', 'health'],
    true,
  ),
  t(
    'host',
    'Hébergement des serveurs et des données du cabinet.',
    'Hosting the practice’s servers and data.',
    ['identity', 'nir', 'health'],
    true,
  ),
  t(
    'backup',
    'Sauvegarde chiffrée et externalisée des données du cabinet, restauration sur demande.',
    'Encrypted off-site backup of the practice’s data, restored on request.',
    ['identity', 'nir', 'health'],
    true,
  ),
  t(
    'accountant',
    'Tenue de la comptabilité et établissement des déclarations ; paie du personnel le cas échéant.',
    'Bookkeeping and tax returns; staff payroll where it applies.',
    ['identity', 'economic', 'professional_life'],
    false,
    false,
  ),
  t(
    'it_maintenance',
    'Installation, maintenance et dépannage du matériel et du réseau du cabinet, y compris par prise en main à distance.',
    'Installing, maintaining and repairing the practice’s computers and network, including by remote access.',
    ['identity', 'health', 'connection'],
    false,
  ),
  t(
    'booking_platform',
    'Prise de rendez-vous en ligne, agenda partagé et rappels de rendez-vous.',
    'Online booking, shared diary and appointment reminders.',
    ['identity', 'personal_life', 'health'],
    true,
  ),
  t(
    'sms_service',
    'Envoi des rappels de rendez-vous par SMS.',
    'Sending appointment reminders by SMS.',
    ['identity', 'personal_life'],
    false,
    false,
  ),
  t(
    'secure_messaging',
    'Messagerie sécurisée de santé pour échanger avec les confrères et les patients.',
    'Secure health messaging to exchange with colleagues and patients.',
    ['identity', 'health'],
    true,
  ),
  t(
    'imaging_cloud',
    'Stockage, visualisation et partage des radiographies et images 3D.',
    'Storing, viewing and sharing radiographs and 3D images.',
    ['identity', 'health'],
    true,
  ),
  t(
    'remote_secretariat',
    'Accueil téléphonique et gestion de l’agenda à distance.',
    'Remote telephone reception and diary management.',
    ['identity', 'personal_life', 'health'],
    false,
  ),
  t('other', '', '', ['identity'], false, false),
];

export const templateOf = (kind: ProcessorKind): KindTemplate => KIND_TEMPLATES.find((k) => k.kind === kind)!;
