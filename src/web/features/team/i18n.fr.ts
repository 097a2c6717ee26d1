/** The screens of the team, the invitations, the audit trail and one's account. */
export const invitationsFr = {
  title: 'Invitation de {{practice}}',
  body: '{{practice}} vous invite à rejoindre son équipe avec le rôle « {{role}} ». Rien ne vous est partagé tant que vous n’avez pas accepté ; l’invitation est valable jusqu’au {{date}}.',
  code: 'Mot de passe provisoire remis par le cabinet',
  codeHelp:
    '{{practice}} vous l’a remis en main propre : il prouve que l’invitation vous est bien destinée. Votre propre mot de passe ne change pas.',
  accept: 'Accepter',
  decline: 'Refuser',
  declineConfirmText:
    'Refuser l’invitation de {{practice}} ? Le cabinet devra vous ajouter à nouveau si vous changez d’avis.',
  declineConfirm: 'Refuser l’invitation',
  accepted: 'Vous avez rejoint {{practice}}. Choisissez-le en haut de l’écran pour y travailler.',
  declined: 'Invitation de {{practice}} refusée.',
};

export const teamFr = {
  temporaryPasswordFor: 'Mot de passe provisoire de {{name}}',
  title: 'Équipe',
  intro: 'Les personnes qui travaillent dans le cabinet et leur rôle.',
  introOwner:
    'Les personnes qui travaillent dans le cabinet et leur rôle. Quand quelqu’un part, coupez son accès : ses sessions se ferment aussitôt et son historique est conservé.',
  add: 'Ajouter une personne',
  name: 'Nom',
  email: 'E-mail',
  role: 'Rôle',
  roleOf: 'Rôle de {{name}}',
  mfa: 'Double authentification',
  mfaOn: 'Activée',
  mfaPending: 'À la première connexion',
  actions: 'Actions',
  reset: 'Mot de passe provisoire',
  end: 'Couper l’accès',
  former: 'Anciens membres',
  formerLine: '{{name}} — {{role}} — parti(e) le {{date}}',
  addTitle: 'Ajouter une personne',
  mfaAtFirstLogin:
    'À sa première connexion, la personne choisira son propre mot de passe et activera la double authentification.',
  addSubmit: 'Ajouter',
  addedNew:
    'Voici le mot de passe provisoire de {{name}}, affiché une seule fois : remettez-le en main propre, jamais par e-mail.',
  addedExisting:
    'Nouvelle venue dans Gardien, la personne s’en sert pour sa première connexion, puis choisit son propre mot de passe. Si elle utilise déjà Gardien pour un autre cabinet, elle se connecte comme d’habitude et saisit ce mot de passe provisoire sur sa page « À faire » pour accepter ; son propre mot de passe ne change pas. D’ici là, elle figure dans la liste « En attente ».',
  pending: 'En attente',
  pendingIntro:
    'Personnes ajoutées qui ne se sont pas encore connectées, ou pas encore accepté l’invitation. Elles n’ont accès à rien d’ici là.',
  pendingLine: '{{name}} ({{email}}) — {{role}} — première connexion ou acceptation à faire, au plus tard le {{date}}',
  withdraw: 'Retirer',
  withdrawTitle: 'Retirer l’ajout de {{name}}',
  withdrawExplain:
    '{{name}} ne rejoindra pas le cabinet : l’invitation est retirée et, si un compte a été créé pour l’occasion, il est fermé. Rien n’est effacé du journal.',
  withdrawConfirm: 'Retirer',
  handOver: 'Remettez-le en main propre, jamais par e-mail. Il devra être changé à la première connexion.',
  resetTitle: 'Mot de passe provisoire pour {{name}}',
  resetExplain:
    'Un nouveau mot de passe provisoire va être créé pour {{name}}. Ses sessions ouvertes seront fermées ; il ou elle devra choisir son propre mot de passe à la prochaine connexion.',
  resetConfirm: 'Créer le mot de passe provisoire',
  resetDone: 'Mot de passe provisoire de {{name}} :',
  endTitle: 'Couper l’accès de {{name}}',
  endExplain:
    '{{name}} ne pourra plus accéder à ce cabinet, immédiatement : ses jetons d’API de ce cabinet sont révoqués et, si cette personne ne travaille dans aucun autre cabinet sur ce serveur, ses sessions se ferment. Rien n’est effacé : son historique reste dans le journal.',
  endConfirm: 'Couper l’accès',
};

export const auditFr = {
  title: 'Journal d’audit',
  intro:
    'Qui a consulté ou modifié quoi, et quand. Le journal est chaîné et signé : toute modification après coup se voit à la vérification.',
  export: 'Exporter (CSV)',
  verify: 'Vérifier l’intégrité',
  verifiedOk: 'Journal intact',
  verifiedOkDetail:
    '{{entries}} entrées vérifiées, {{checkpoints}} points de contrôle signés : rien n’a été modifié ni supprimé.',
  verifiedBad: 'Le journal a été altéré',
  verifiedBadDetail:
    'Première entrée en cause : n° {{seq}} ({{problem}}). Conservez une copie de la base et prévenez votre DPO.',
  filters: 'Filtres du journal',
  scope: 'Ce que montre le journal',
  scopePractice: 'Activité du cabinet',
  scopeSignIns: 'Connexions de l’équipe',
  person: 'Personne',
  everyone: 'Tout le monde',
  action: 'Action',
  allActions: 'Toutes les actions',
  target: 'Concernant',
  anyTarget: 'Tout',
  from: 'Du',
  to: 'Au',
  none: 'Aucune entrée ne correspond à ces filtres.',
  when: 'Quand',
  who: 'Qui',
  what: 'Quoi',
  on: 'Sur',
  outcome: 'Résultat',
  more: 'Afficher plus',
  admin: 'Administrateur du serveur',
  anonymous: 'Inconnu',
  targets: {
    register: 'Le registre',
    breach: 'Une violation',
    processor: 'Un sous-traitant',
    patient: 'Un patient',
    rights_request: 'Une demande de patient',
    practice: 'Le cabinet',
    user: 'Une personne',
    session: 'Une session',
    api_token: 'Un jeton d’API',
    audit_trail: 'Le journal',
    backup: 'Les sauvegardes',
    server: 'Le serveur',
    invitation: 'Une invitation',
    route: 'Une requête',
  },
  outcomes: { success: 'Fait', denied: 'Refusé', failure: 'Échec' },
};

export const accountFr = {
  title: 'Mon compte',
  intro: '{{name}} — {{email}}',
  password: 'Mot de passe',
  mfa: 'Application d’authentification',
  mfaExplain:
    'Nouveau téléphone ? Confirmez votre mot de passe et un code de l’application actuelle, puis scannez le nouveau code QR. L’ancienne application cessera de fonctionner et de nouveaux codes de secours seront créés.',
  currentCode: 'Code actuel de l’application',
  mfaStart: 'Changer d’application',
  mfaReplaced: 'Votre nouvelle application est active.',
  sessions: 'Sessions ouvertes',
  opened: 'Ouverte le',
  lastSeen: 'Dernière activité',
  device: 'Appareil',
  thisSession: 'Cette session',
  revoke: 'Fermer',
  tokens: 'Jetons d’API',
  tokensExplain:
    'Un jeton permet à un logiciel d’utiliser Gardien en votre nom, avec votre rôle, dans ce cabinet uniquement. Chaque utilisation est inscrite au journal.',
  tokenName: 'Nom du jeton',
  tokenCreate: 'Créer un jeton',
  tokenOnce: 'Copiez ce jeton maintenant : il ne sera plus jamais affiché.',
  noTokens: 'Aucun jeton actif.',
  tokenLine: '{{name}} — créé le {{created}} — dernière utilisation : {{used}}',
};
