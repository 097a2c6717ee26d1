import { REQUEST_WORDS } from '../../../contracts/rights-requests-labels.js';
/** The screens that answer a rights request: the decision, the letters, the files, the register. */
export const answersFr = {
  decision: {
    title: 'Réponse à la demande',
    intro:
      'Gardien propose une issue pour chaque point, avec son fondement. Vérifiez, ajustez si besoin en disant pourquoi, puis confirmez : la fiche du patient est mise à jour et le courrier de réponse est préparé.',
    include: 'Demandé par la personne : {{subject}}',
    verdict: 'Issue',
    ground: 'Fondement',
    reasons: 'Raisons (reprises dans le courrier)',
    reasonsHelp:
      'Obligatoires pour s’écarter de la proposition, pour « autre motif » et pour une demande manifestement excessive.',
    proposed: 'Proposition : {{verdict}} — {{ground}}',
    effect: 'Effet sur la fiche du patient : {{effect}}',
    note: 'Ce qui a été fait ou remis (repris dans le courrier, facultatif)',
    on: 'Réponse donnée le',
    language: 'Langue du courrier',
    confirm: 'Confirmer la réponse',
    cannotDecide:
      'Un praticien, le titulaire ou le DPO confirme la réponse. Vous pouvez préparer les courriers et déposer les fichiers.',
    art15FromRegister:
      'Les informations de l’article 15 reprennent le registre des traitements validé du cabinet : vérifiez-les avant l’envoi.',
    cautions: {
      heirs_three_purposes:
        'Ayant droit : l’accès est limité à trois fins — connaître les causes du décès, défendre la mémoire du défunt, faire valoir ses droits — et refusé si le patient s’y était opposé de son vivant (code de la santé publique, L1110-4 V). Ne communiquez que ce qui sert la fin invoquée.',
      minor_may_object:
        'Patient mineur : il peut s’opposer à ce que ses parents consultent les informations sur sa santé (code de la santé publique, L1111-5). Vérifiez qu’il ne l’a pas demandé avant de répondre.',
    },
    art15Source:
      'Les informations de l’article 15 reprennent le référentiel de la CNIL pour les cabinets médicaux et paramédicaux (valeurs par défaut), tant que le registre des traitements n’est pas tenu dans Gardien : vérifiez qu’elles correspondent à votre cabinet avant l’envoi.',
    retention:
      'Fin de conservation du dossier médical : {{date}}. Valeur par défaut : 20 ans après le dernier soin, pas avant 28 ans, 10 ans après un décès (alignée par analogie sur l’article R1112-7 du code de la santé publique).',
    retentionUnknown: 'Date du dernier soin inconnue : le dossier est présumé en cours de conservation.',
    patient: 'Patient concerné',
    patientNeeded: 'Cette réponse modifie la fiche du patient : liez la demande à un patient.',
    identityAwaited: 'Justificatif d’identité attendu : seul un refus peut être confirmé avant sa réception.',
    nothingChosen: 'Cochez au moins un point.',
  },
  decided: {
    title: 'Réponse confirmée le {{date}}',
    line: '{{subject}} : {{verdict}} — {{ground}}',
    reasons: 'Raisons : {{reasons}}',
    departs: 'écart à la proposition',
    effect: 'Fiche du patient : {{effect}}',
    by: 'Confirmée par {{name}} le {{when}}',
  },
  effects: {
    marketingConsent: 'plus de communications hors soins',
    objectsToSms: 'plus de rappels par SMS',
    isRestricted: 'traitement limité',
  },
  restriction: {
    inForce: 'Limitation en vigueur : les données du patient sont conservées mais plus utilisées.',
    lift: 'Lever la limitation',
    liftExplain:
      'La personne doit être prévenue avant la levée (article 18.3 du RGPD) : préparez le courrier « Levée de la limitation », enregistrez son envoi, puis levez la limitation.',
    liftedOn: 'Levée le',
    lifted: 'Limitation levée le {{date}}.',
  },
  letters: {
    title: 'Courriers',
    intro: 'Chaque courrier est conservé tel qu’il a été préparé ; enregistrez quand et comment il a été envoyé.',
    none: 'Aucun courrier pour l’instant.',
    kind: 'Courrier',
    language: 'Langue',
    generated: 'Préparé le',
    sent: 'Envoi',
    notSent: 'Non envoyé',
    sentLine: '{{date}} — {{channel}}',
    generate: 'Préparer un courrier',
    generateButton: 'Préparer',
    markSent: 'Enregistrer l’envoi',
    markSentOf: 'Enregistrer l’envoi : {{kind}}',
    sentOn: 'Envoyé le',
    channel: 'Moyen d’envoi',
    pdf: '{{kind}} en PDF',
    txt: '{{kind}} en texte',
  },
  files: {
    title: 'Fichiers de la réponse',
    intro:
      'Copies et exports remis à la personne, 20 Mio au plus chacun. Ils sont chiffrés (AES-256-GCM) ; le ZIP les réunit avec les courriers et un index (taille, empreinte SHA-256).',
    none: 'Aucun fichier.',
    add: 'Ajouter un fichier',
    clear: 'Retirer le fichier choisi',
    upload: 'Déposer',
    uploading: 'Envoi du fichier : {{percent}} %',
    name: 'Fichier',
    size: 'Taille',
    uploaded: 'Ajouté le',
    zip: 'Télécharger la réponse (ZIP)',
    remove: 'Retirer {{name}}',
    download: 'Télécharger {{name}}',
    tooLarge: 'Fichier trop volumineux (20 Mio au plus).',
    kib: '{{size}} Kio',
  },
  register: {
    pdf: 'Registre (PDF)',
    csv: 'Registre (CSV)',
    xlsx: 'Registre (XLSX)',
    help: 'Le registre des demandes (date, type, échéance, décision, courriers) se télécharge à tout moment, pour vous ou pour un contrôle de la CNIL.',
  },
};

export const answerValuesFr = {
  subjects: {
    art15_information: 'Informations sur le traitement (article 15)',
    copy: 'Copie des données',
    health_record: 'Communication du dossier médical',
    rectification: 'Rectification',
    medical_record: 'Dossier médical',
    marketing: 'Communications hors soins',
    commercial_photos: 'Photos prises hors des soins',
    care: 'Traitement pour les soins',
    sms_reminders: 'Rappels de rendez-vous par SMS',
    care_sharing: 'Partage des informations entre soignants (L1110-4)',
    restriction: 'Limitation du traitement',
    portability: 'Portabilité',
  },
  verdicts: { carried_out: 'Fait', refused: 'Refusé', not_applicable: 'Sans objet' },
  grounds: {
    art15_answered: 'Article 15 : informations et copie, la première gratuite (CJUE C-307/22)',
    csp_l1111_7: 'Article L1111-7 du code de la santé publique, première copie gratuite',
    art16_rectified: 'Article 16 : données inexactes rectifiées',
    art16_data_accurate: 'Article 16 : données exactes, rien à rectifier',
    art17_3_retention: 'Article 17.3 b) et c) : dossier médical conservé pendant sa durée de conservation',
    art17_retention_ended: 'Durée de conservation écoulée : dossier effacé',
    art17_1_erased: 'Article 17.1 : données hors soins effacées',
    art21_care_not_applicable: 'Article 21.1 : ne s’applique pas aux soins (obligation légale, article 9.2 h)',
    art21_3_marketing: 'Article 21.3 : opposition à la prospection, appliquée immédiatement',
    art21_1_reminders: 'Article 21 : opposition aux rappels appliquée',
    art18_restricted: 'Article 18 : traitement limité jusqu’à sa levée',
    art20_not_applicable:
      'Article 20 : ne s’applique pas au dossier tenu par obligation légale (copie proposée au titre de l’accès)',
    art20_served: 'Article 20 : données fournies remises dans un format lisible par machine',
    csp_l1110_4_sharing:
      'Code de la santé publique L1110-4 : opposition au partage entre soignants respectée, conséquences expliquées',
    nothing_held: 'Sans objet : aucune donnée de ce type n’est détenue',
    art12_5_manifestly_unfounded: 'Article 12.5 : demande manifestement infondée ou excessive',
    other: 'Autre motif (à préciser)',
  },
  letterKinds: {
    acknowledgement: 'Accusé de réception',
    identity_request: 'Demande de justificatif d’identité',
    extension: 'Prolongation du délai',
    answer: 'Réponse',
    refusal: 'Refus',
    restriction_lift: 'Levée de la limitation',
  },
  sentChannels: {
    letter: 'Courrier',
    registered_letter: 'Lettre recommandée',
    email: 'E-mail',
    secure_messaging: 'Messagerie sécurisée de santé',
    in_person: 'Remis en main propre',
  },
};

/** The requests screens' words (fr). */
export const requestsPagesFr = {
  requests: {
    title: 'Demandes des patients',
    intro:
      'Chaque demande a un délai légal : un mois pour les droits RGPD (prolongeable de deux mois), 8 jours pour le dossier médical (2 mois s’il a plus de cinq ans). La plus urgente est en haut.',
    new: 'Nouvelle demande',
    show: 'Demandes affichées',
    open: 'En cours',
    all: 'Toutes',
    none: 'Aucune demande enregistrée.',
    noneOpen: 'Aucune demande en cours.',
    dueOn: 'Échéance',
    kind: 'Type de demande',
    requester: 'Demandeur',
    receivedOn: 'Reçue le',
    receivedOnHelp:
      'Le jour où la demande est arrivée au cabinet, même si elle a été lue plus tard : le délai part de là.',
    status: 'État',
    suspended: 'Suspendue (identité)',
    newTitle: 'Enregistrer une demande',
    newIntro:
      'Notez la demande dès son arrivée : Gardien calcule l’échéance légale et la met dans la liste « À faire ».',
    olderThanFiveYears: 'Les informations demandées ont plus de cinq ans (délai de deux mois)',
    channel: 'Reçue par',
    civility: 'Civilité (pour la formule d’appel)',
    civilityUnknown: 'Non précisée : « Madame, Monsieur, »',
    civilities: { madame: 'Madame', monsieur: 'Monsieur' },
    address: 'Adresse postale du demandeur',
    addressHelp: 'Elle figure en tête des courriers.',
    steerHealthRecord:
      'La demande porte sur le dossier médical (copie du dossier, radiographies, comptes rendus) ? Le code de la santé publique fixe alors 8 jours, ou 2 mois pour des informations de plus de cinq ans, au lieu d’un mois.',
    steerHealthRecordButton: 'Enregistrer comme communication du dossier médical',
    requesterName: 'Nom du demandeur',
    relation: 'Le demandeur est',
    patient: 'Patient concerné (facultatif)',
    note: 'Précisions (facultatif)',
    save: 'Enregistrer la demande',
  },
  requestKinds: REQUEST_WORDS.fr.kinds,
  requestKindHelp: {
    access:
      'La personne veut savoir quelles données le cabinet a sur elle et en obtenir une copie (la première copie est gratuite).',
    rectification:
      'La personne demande de corriger une donnée inexacte. Pensez à la corriger aussi dans le logiciel du cabinet.',
    erasure:
      'La personne demande d’effacer ses données. Le dossier médical ne peut pas être effacé pendant sa durée de conservation.',
    objection:
      'La personne s’oppose à un usage de ses données. L’opposition à la prospection s’applique tout de suite.',
    restriction: 'La personne demande de geler l’usage de ses données le temps d’une vérification.',
    portability:
      'La personne veut récupérer ses données dans un format réutilisable. Ne s’applique pas au dossier tenu par obligation légale.',
    health_record_access:
      'Communication du dossier médical (code de la santé publique) : pas avant 48 heures, au plus tard 8 jours, identité vérifiée avant tout envoi.',
  },
  requestStatuses: REQUEST_WORDS.fr.statuses,
  channels: REQUEST_WORDS.fr.channels,
  relations: REQUEST_WORDS.fr.relations,
  request: {
    facts: 'Informations sur la demande',
    dueOn: 'Réponse à donner au plus tard le {{date}}.',
    closedOn: 'Close le {{date}}.',
    suspended:
      'Délai suspendu depuis le {{date}} : un justificatif d’identité est attendu. Le délai reprendra à sa réception.',
    earliestOn: 'Pas de communication avant le {{date}} (48 heures de réflexion).',
    identityFirst: 'L’identité du demandeur doit être vérifiée avant tout envoi.',
    received: 'Reçue le {{date}} ({{channel}})',
    by: 'Demandeur : {{name}} — {{relation}}',
    identityAsked: 'Justificatif d’identité demandé le {{date}}',
    identityReceived: 'Justificatif d’identité reçu le {{date}}',
    extendedOn: 'Prolongée de deux mois, annoncé le {{date}} : {{reason}}',
    noteLine: 'Précisions : {{note}}',
    history: 'Historique',
    historyLine: '{{when}} — {{what}}',
    confirm: 'Enregistrer',
    actions: {
      identity_request: 'Demander un justificatif d’identité',
      identity_received: 'Justificatif reçu',
      extension: 'Prolonger de deux mois',
      in_progress: 'Passer en cours',
      withdrawn: 'Demande retirée',
    },
    explain: {
      identity_request:
        'À faire seulement en cas de doute raisonnable sur l’identité. Le délai RGPD est suspendu jusqu’à la réception du justificatif.',
      identity_received: 'Le délai reprend là où il s’était arrêté ; la nouvelle échéance est calculée.',
      extension:
        'Possible pour une demande complexe ou nombreuse, avant l’échéance, en prévenant la personne avec les raisons. Le délai devient trois mois après la réception.',
      in_progress: 'La demande est en cours de traitement.',
      withdrawn: 'La personne a retiré sa demande.',
    },
    dayLabel: {
      identity_request: 'Demandé le',
      identity_received: 'Reçu le',
      extension: 'Personne prévenue le',
      in_progress: 'Depuis le',
      withdrawn: 'Retirée le',
    },
    textLabel: {
      extension: 'Raisons de la prolongation (communiquées à la personne)',
      withdrawn: 'Précisions (facultatif)',
    },
    events: {
      created: 'Demande enregistrée',
      extended: 'Délai prolongé',
      identity_requested: 'Justificatif d’identité demandé',
      identity_received: 'Justificatif d’identité reçu',
      status_changed: 'État modifié',
      decided: 'Réponse confirmée',
      restriction_lifted: 'Limitation levée',
      letter_generated: 'Courrier préparé',
      letter_sent: 'Envoi d’un courrier enregistré',
      file_uploaded: 'Fichier déposé',
      file_deleted: 'Fichier retiré',
    },
  },
};
