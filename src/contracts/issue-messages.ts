import type { Catalogue } from './messages.js';

// The issue codes (the reason attached to a field), with their words in French and English.

/** Reasons attached to a field (issue codes) that zod does not phrase itself. */
export const ISSUE_MESSAGES: Catalogue = {
  invalid_id: { fr: 'identifiant invalide', en: 'invalid identifier' },
  invalid_json: { fr: 'le corps de la requête n’est pas un JSON valide', en: 'the request body is not valid JSON' },
  forbidden_key: { fr: 'clé interdite', en: 'forbidden key' },
  control_characters: { fr: 'contient des caractères de contrôle', en: 'contains control characters' },
  empty_update: { fr: 'indiquez au moins un champ à modifier', en: 'give at least one field to change' },
  siren_format: { fr: 'un SIREN compte 9 chiffres', en: 'a SIREN has 9 digits' },
  siret_format: { fr: 'un SIRET compte 14 chiffres', en: 'a SIRET has 14 digits' },
  siret_siren_mismatch: {
    fr: 'le SIRET doit commencer par le SIREN du cabinet',
    en: 'the SIRET must start with the practice’s SIREN',
  },
  totp_format: { fr: 'le code compte 6 chiffres', en: 'the code has 6 digits' },
  totp_invalid: { fr: 'code incorrect ou déjà utilisé', en: 'wrong or already used code' },
  recovery_code_invalid: { fr: 'code de secours incorrect ou déjà utilisé', en: 'wrong or already used recovery code' },
  password_wrong: { fr: 'mot de passe incorrect', en: 'wrong password' },
  account_locked: {
    fr: 'compte bloqué pour un moment après trop d’essais incorrects : réessayez plus tard, ou demandez à l’administrateur du serveur de le débloquer',
    en: 'account locked for a while after too many wrong attempts: try again later, or ask the server administrator to unlock it',
  },
  password_unchanged: {
    fr: 'le nouveau mot de passe doit être différent de l’actuel',
    en: 'the new password must differ from the current one',
  },
  password_common: {
    fr: 'ce mot de passe figure parmi les plus courants ; choisissez-en un autre',
    en: 'this password is among the most common; choose another one',
  },
  password_too_long: {
    fr: 'le mot de passe dépasse {maximum} caractères',
    en: 'the password exceeds {maximum} characters',
  },
  password_too_weak: {
    fr: 'mot de passe trop court ou trop simple : choisissez par exemple une phrase d’au moins 7 mots différents, ou 12 caractères mêlant majuscules, minuscules, chiffres et symboles (recommandation de la CNIL)',
    en: 'password too short or too simple: choose for example a phrase of at least 7 different words, or 12 characters mixing upper and lower case, digits and symbols (CNIL recommendation)',
  },
  password_predictable: {
    fr: 'mot de passe trop facile à deviner : il répète des caractères ou des mots, ou suit une suite (abcd, 1234, azerty). Choisissez par exemple une phrase d’au moins 7 mots différents',
    en: 'password too easy to guess: it repeats characters or words, or follows a sequence (abcd, 1234, qwerty). Choose for example a phrase of at least 7 different words',
  },
  password_context: {
    fr: 'mot de passe trop facile à deviner : il repose sur votre nom, votre e-mail ou le nom du cabinet, qu’un attaquant essaie en premier ; sans eux, il est trop court',
    en: 'password too easy to guess: it relies on your name, your e-mail or the practice’s name, which an attacker tries first; without them it is too short',
  },
  password_required_new_account: {
    fr: 'un mot de passe est nécessaire pour créer ce compte',
    en: 'a password is needed to create this account',
  },
  email_taken: { fr: 'un compte existe déjà avec cet e-mail', en: 'an account already exists with this e-mail' },
  account_disabled: { fr: 'ce compte est désactivé', en: 'this account is disabled' },
  already_member: {
    fr: 'cette personne fait déjà partie du cabinet',
    en: 'this person is already a member of the practice',
  },
  not_a_member: {
    fr: 'cette personne ne fait pas partie du cabinet',
    en: 'this person is not a member of the practice',
  },
  last_owner: { fr: 'le cabinet doit garder au moins un titulaire', en: 'the practice must keep at least one owner' },
  unknown_account: { fr: 'aucun compte avec cet e-mail', en: 'no account with this e-mail' },
  mfa_already_enrolled: {
    fr: 'la double authentification est déjà activée',
    en: 'two-factor authentication is already enabled',
  },
  mfa_enrollment_not_started: { fr: 'commencez par générer le code QR', en: 'start by generating the QR code' },
  mfa_already_verified: { fr: 'le second facteur a déjà été vérifié', en: 'the second factor was already verified' },
  column_missing: {
    fr: 'la colonne « {column} » n’existe pas dans le fichier',
    en: 'the file has no column “{column}”',
  },
  column_required: {
    fr: 'indiquez la colonne qui contient ce champ obligatoire',
    en: 'say which column holds this required field',
  },
  external_id_repeated: {
    fr: 'cet identifiant figure déjà plus haut dans le fichier',
    en: 'this id already appears earlier in the file',
  },
  required: { fr: 'champ obligatoire vide', en: 'required field is empty' },
  invalid_format: {
    fr: 'format invalide (date attendue JJ/MM/AAAA ou AAAA-MM-JJ, e-mail valide…)',
    en: 'invalid format (date DD/MM/YYYY or YYYY-MM-DD, valid e-mail…)',
  },
  invalid_value: { fr: 'valeur invalide', en: 'invalid value' },
  too_big: { fr: 'valeur trop longue', en: 'value too long' },
  too_small: { fr: 'valeur vide ou trop courte', en: 'value empty or too short' },
  phone_format: { fr: 'numéro de téléphone invalide', en: 'invalid phone number' },
  unknown_patient: { fr: 'ce patient n’existe pas dans le cabinet', en: 'this patient does not exist in the practice' },
  external_id_taken: {
    fr: 'un autre patient a déjà cet identifiant du logiciel',
    en: 'another patient already has this software id',
  },
  birth_date_implausible: {
    fr: 'date de naissance invraisemblable (avant 1900) : vérifiez l’année',
    en: 'implausible birth date (before 1900): check the year',
  },
  before_birth: { fr: 'la date ne peut pas précéder la naissance', en: 'the date cannot be before the birth' },
  care_after_death: {
    fr: 'le dernier soin ne peut pas suivre le décès',
    en: 'the last care cannot come after the death',
  },
  date_in_future: { fr: 'la date ne peut pas être dans le futur', en: 'the date cannot be in the future' },
  date_before_receipt: {
    fr: 'la date ne peut pas précéder la réception de la demande',
    en: 'the date cannot be before the request was received',
  },
  required_for_health_record: {
    fr: 'précisez si les informations ont plus de cinq ans (délai de deux mois au lieu de huit jours)',
    en: 'say whether the information is more than five years old (two months instead of eight days)',
  },
  extension_not_applicable: {
    fr: 'la prolongation ne s’applique pas à l’accès au dossier médical (8 jours ou 2 mois, code de la santé publique)',
    en: 'the extension does not apply to health-record access (8 days or 2 months, public health code)',
  },
  already_extended: { fr: 'la demande a déjà été prolongée', en: 'the request was already extended' },
  date_implausible: {
    fr: 'date impossible pour une demande (avant le 25 mai 2018, entrée en application du RGPD)',
    en: 'impossible date for a request (before 25 May 2018, when the GDPR began to apply)',
  },
  identity_after_due_date: {
    fr: 'la réponse était due le {dueOn} : une demande de justificatif ne suspend plus un délai déjà dépassé',
    en: 'the answer was due on {dueOn}: asking for proof of identity no longer suspends a deadline that has passed',
  },
  deadline_passed: {
    fr: 'la prolongation devait être décidée et annoncée avant l’échéance du {dueOn}',
    en: 'the extension had to be decided and announced before the due date of {dueOn}',
  },
  notified_late: {
    fr: 'la personne doit être prévenue de la prolongation avant l’échéance du {dueOn}',
    en: 'the person must be told of the extension before the due date of {dueOn}',
  },
  notified_before_receipt: {
    fr: 'la prolongation ne peut pas être annoncée avant la réception de la demande',
    en: 'the extension cannot be announced before the request was received',
  },
  identity_already_requested: {
    fr: 'un justificatif d’identité est déjà attendu',
    en: 'proof of identity is already awaited',
  },
  identity_already_received: {
    fr: 'le justificatif d’identité a déjà été reçu',
    en: 'the proof of identity was already received',
  },
  identity_not_requested: { fr: 'aucun justificatif d’identité n’est attendu', en: 'no proof of identity is awaited' },
  identity_awaited: {
    fr: 'l’identité doit être vérifiée avant toute communication du dossier',
    en: 'the identity must be checked before anything of the record is sent',
  },
  status_transition: {
    fr: 'la demande ne peut pas passer à cet état depuis son état actuel',
    en: 'the request cannot move to this state from its current one',
  },
  request_closed: { fr: 'la demande est close', en: 'the request is closed' },
  refusal_needs_reasons: {
    fr: 'un refus doit être motivé (les raisons sont communiquées à la personne, avec son droit de saisir la CNIL)',
    en: 'a refusal needs its reasons (told to the person, with their right to complain to the CNIL)',
  },
  before_reflection_period: {
    fr: 'le dossier ne peut pas être communiqué avant le {earliestOn} (48 heures après la demande)',
    en: 'the record cannot be sent before {earliestOn} (48 hours after the request)',
  },
  invitation_password_wrong: {
    fr: 'Mot de passe provisoire incorrect : encore {left} essai(s), ensuite l’invitation sera annulée',
    en: 'Wrong temporary password: {left} more try(ies), then the invitation is cancelled',
  },
  invitation_withdrawn: {
    fr: 'Invitation annulée après cinq essais incorrects : demandez au cabinet de vous ajouter à nouveau',
    en: 'Invitation cancelled after five wrong tries: ask the practice to add you again',
  },
  already_invited: {
    fr: 'cette personne a déjà été ajoutée et n’a pas encore répondu ; retirez l’ajout en attente pour recommencer',
    en: 'this person was already added and has not answered yet; withdraw the pending addition to start again',
  },
  unrecognized_key: { fr: 'champ inconnu', en: 'unknown field' },
  unknown_template: { fr: 'ce modèle d’activité n’existe pas', en: 'this activity template does not exist' },
  activity_validated_kept: {
    fr: 'cette activité a une version validée : elle est conservée dans l’historique du registre et ne peut pas être supprimée',
    en: 'this activity has a validated version: it is kept in the register’s history and cannot be deleted',
  },
  already_validated: {
    fr: 'cette activité est déjà validée : modifiez-la d’abord pour en valider une nouvelle version',
    en: 'this activity is already validated: edit it first to validate a new version',
  },
  activity_incomplete: {
    fr: 'champ à remplir avant de valider l’activité',
    en: 'field to fill in before the activity can be validated',
  },
  unknown_notice_version: {
    fr: 'cette version de la note d’information n’existe pas dans le cabinet',
    en: 'this version of the patient information does not exist in the practice',
  },
  backup_passphrase_required: {
    fr: 'cette sauvegarde est scellée par une phrase de passe : indiquez-la',
    en: 'this backup is sealed with a passphrase: give it',
  },
  backup_invalid: {
    fr: 'ce fichier n’est pas une sauvegarde Gardien lisible ou il a été altéré ({reason})',
    en: 'this file is not a readable Gardien backup, or it was altered ({reason})',
  },
  backup_other_version: {
    fr: 'cette sauvegarde vient d’une autre version de Gardien ({version}) : restaurez-la avec cette version',
    en: 'this backup comes from another version of Gardien ({version}): restore it with that version',
  },
  restore_target_exists: {
    fr: 'une base de données existe déjà à cet endroit : arrêtez le serveur et relancez avec --force pour la remplacer (elle est gardée à côté)',
    en: 'a database already exists there: stop the server and run again with --force to replace it (it is kept beside)',
  },
  restore_target_not_empty: {
    fr: 'la base de données cible contient déjà des données : restaurez dans une base vide',
    en: 'the target database already holds data: restore into an empty database',
  },
  setup_done: { fr: 'Gardien est déjà configuré : connectez-vous', en: 'Gardien is already set up: sign in' },
  account_shared: {
    fr: 'ce compte sert aussi dans un autre cabinet : la personne change elle-même son mot de passe, ou l’administrateur du serveur le réinitialise',
    en: 'this account is also used in another practice: the person changes their own password, or the server administrator resets it',
  },
  own_account: {
    fr: 'pour votre propre compte, passez par « Mon compte »',
    en: 'for your own account, use “My account”',
  },
  repeated_value: { fr: 'la même valeur figure deux fois', en: 'the same value appears twice' },
  detected_after_awareness: {
    fr: 'la découverte ne peut pas suivre la prise de connaissance (le délai de 72 heures part de la prise de connaissance)',
    en: 'detection cannot come after awareness (the 72-hour clock starts at awareness)',
  },
  started_after_detection: {
    fr: 'la violation ne peut pas commencer après sa découverte',
    en: 'the breach cannot start after it was detected',
  },
  ended_before_start: { fr: 'la fin ne peut pas précéder le début', en: 'the end cannot come before the start' },
  before_awareness: {
    fr: 'la date ne peut pas précéder la prise de connaissance de la violation',
    en: 'the date cannot be before the practice became aware of the breach',
  },
  before_action_created: {
    fr: 'la date ne peut pas précéder la création de l’action',
    en: 'the date cannot be before the action was created',
  },
  late_needs_reasons: {
    fr: 'notification après le délai de 72 heures : indiquez les motifs du retard (article 33.1 du RGPD)',
    en: 'notification after the 72 hours: give the reasons for the delay (GDPR Article 33(1))',
  },
  not_notifying_needs_reasons: {
    fr: 'ne pas notifier doit être justifié : le registre garde la justification (article 33.5 du RGPD)',
    en: 'not notifying must be justified: the register keeps the justification (GDPR Article 33(5))',
  },
  below_proposal_needs_reasons: {
    fr: 'la décision est en dessous de la proposition : indiquez pourquoi',
    en: 'the decision is below the proposal: say why',
  },
  people_exception_required: {
    fr: 'le risque est élevé : les personnes doivent être informées, sauf exception de l’article 34.3 (chiffrement, risque écarté, efforts disproportionnés)',
    en: 'the risk is high: the people must be informed unless an Article 34(3) exception applies (encryption, risk removed, disproportionate effort)',
  },
  exception_not_applicable: {
    fr: 'une exception à l’information des personnes ne vaut que pour la décision « notifier la CNIL »',
    en: 'an exception to informing the people only goes with the decision “notify the CNIL”',
  },
  decision_required: {
    fr: 'confirmez d’abord la décision (inscrire au registre, notifier la CNIL, informer les personnes)',
    en: 'confirm the decision first (record, notify the CNIL, inform the people)',
  },
  decision_not_to_notify: {
    fr: 'la décision est de ne pas notifier : changez la décision avant d’enregistrer une notification',
    en: 'the decision is not to notify: change the decision before recording a notification',
  },
  already_notified: {
    fr: 'une notification initiale est déjà enregistrée : ajoutez une notification complémentaire',
    en: 'an initial notification is already recorded: add a complementary one',
  },
  initial_required: {
    fr: 'une notification complémentaire suit une notification initiale',
    en: 'a complementary notification follows an initial one',
  },
  actions_open: {
    fr: '{count} action(s) corrective(s) restent à faire',
    en: '{count} corrective action(s) still to do',
  },
  action_done: { fr: 'cette action est déjà faite', en: 'this action is already done' },
  breach_closed: { fr: 'la violation est clôturée', en: 'the breach is closed' },
  subject_not_for_kind: {
    fr: 'ce point ne fait pas partie de ce type de demande',
    en: 'this item does not belong to this kind of request',
  },
  duplicate_subject: { fr: 'ce point figure deux fois', en: 'this item appears twice' },
  verdict_not_allowed: {
    fr: 'cette issue n’est pas possible pour ce point',
    en: 'this outcome is not possible for this item',
  },
  marketing_objection_absolute: {
    fr: 'l’opposition à la prospection est absolue : elle ne peut pas être refusée (article 21.3 du RGPD)',
    en: 'an objection to direct marketing is absolute: it cannot be refused (GDPR Article 21(3))',
  },
  ground_not_allowed: { fr: 'ce motif ne correspond pas à cette issue', en: 'this ground does not match this outcome' },
  reasons_required: {
    fr: 'indiquez les raisons (elles figurent dans la lettre à la personne)',
    en: 'give the reasons (they go into the letter to the person)',
  },
  patient_already_linked: {
    fr: 'la demande est déjà liée à un autre patient',
    en: 'the request is already linked to another patient',
  },
  patient_required_for_effect: {
    fr: 'liez la demande à un patient : la décision modifie sa fiche (opposition, limitation)',
    en: 'link the request to a patient: the decision changes their record (objection, restriction)',
  },
  no_restriction_in_force: {
    fr: 'aucune limitation accordée par cette demande n’est en vigueur',
    en: 'no restriction granted by this request is in force',
  },
  before_decision: {
    fr: 'la date ne peut pas précéder la réponse à la demande',
    en: 'the date cannot be before the request was answered',
  },
  lift_notice_not_sent: {
    fr: 'la personne doit être prévenue avant la levée : générez le courrier de levée et enregistrez son envoi (article 18.3 du RGPD)',
    en: 'the person must be told before the lifting: generate the lifting letter and record its sending (GDPR Article 18(3))',
  },
  letter_needs_answer: {
    fr: 'la lettre de réponse suit la décision de répondre',
    en: 'the answer letter follows the decision to answer',
  },
  letter_needs_refusal: {
    fr: 'la lettre de refus suit la décision de refuser',
    en: 'the refusal letter follows the decision to refuse',
  },
  letter_needs_extension: { fr: 'enregistrez d’abord la prolongation', en: 'record the extension first' },
  letter_already_sent: {
    fr: 'l’envoi de ce courrier est déjà enregistré',
    en: 'this letter’s sending is already recorded',
  },
  before_generation: {
    fr: 'la date ne peut pas précéder la création du courrier',
    en: 'the date cannot be before the letter was generated',
  },
  restriction_lift_via_request: {
    fr: 'cette limitation a été accordée sur demande du patient : levez-la depuis la demande, après l’avoir prévenu (article 18.3 du RGPD)',
    en: 'this restriction was granted at the patient’s request: lift it from the request, after telling them (GDPR Article 18(3))',
  },
  file_required: { fr: 'joignez un fichier non vide', en: 'attach a non-empty file' },
  file_too_large: { fr: 'fichier trop volumineux (20 Mio au plus)', en: 'file too large (20 MiB at most)' },
  mfa_not_enrolled: {
    fr: 'la double authentification n’est pas encore activée',
    en: 'two-factor authentication is not enabled yet',
  },
  unknown_country: {
    fr: 'code pays inconnu (ISO 3166-1 à deux lettres, par exemple FR)',
    en: 'unknown country code (ISO 3166-1 two letters, for example FR)',
  },
  before_signature: {
    fr: 'la fin du contrat ne peut pas précéder sa signature',
    en: 'the contract cannot end before it was signed',
  },
  number_too_big: { fr: 'la valeur ne peut pas dépasser {max}', en: 'the value cannot be more than {max}' },
  number_too_small: { fr: 'la valeur ne peut pas être inférieure à {min}', en: 'the value cannot be less than {min}' },
  choose_one: { fr: 'choisissez au moins un élément', en: 'choose at least one' },
  day_implausible: {
    fr: 'date invraisemblable (avant 1978 ou après 2100) : vérifiez l’année',
    en: 'implausible date (before 1978 or after 2100): check the year',
  },
  processor_exists: {
    fr: 'un sous-traitant porte déjà ce nom : ouvrez sa fiche plutôt que d’en créer une seconde',
    en: 'a processor already has this name: open its record rather than create a second one',
  },
  changed_elsewhere: {
    fr: 'cette fiche a été modifiée entre-temps (dans un autre onglet ou par un collègue) : rechargez la page pour voir la dernière version, puis refaites votre modification',
    en: 'this record was changed in the meantime (in another tab or by a colleague): reload the page to see the latest version, then make your change again',
  },
  not_a_processor: {
    fr: 'ce partenaire n’est pas un sous-traitant : l’article 28 ne s’applique pas',
    en: 'this partner is not a processor: Article 28 does not apply',
  },
  unknown_processor: {
    fr: 'ce sous-traitant n’existe pas dans la liste du cabinet',
    en: 'this processor is not in the practice’s list',
  },
  unknown_activity: {
    fr: 'cette activité n’existe pas dans le registre du cabinet',
    en: 'this activity is not in the practice’s register',
  },
};
