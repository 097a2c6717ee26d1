/** The auth screens' words (fr). */
export const authFr = {
  setup: {
    title: 'Bienvenue dans Gardien',
    intro:
      'Première installation : créez votre cabinet et le compte du titulaire. Vous activerez ensuite la double authentification avec une application sur votre téléphone.',
    practiceName: 'Nom du cabinet',
    ownerName: 'Votre nom (titulaire du cabinet)',
    ownerHelp: 'Le praticien responsable des données du cabinet.',
    ownerEmail: 'Votre adresse e-mail',
    password: 'Mot de passe',
    submit: 'Créer le cabinet',
  },
  login: {
    title: 'Connexion',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    lockoutHelp:
      'Après 5 essais erronés, chaque nouvel essai est ralenti ; après 10, le compte est bloqué une heure. Le titulaire peut vous donner un mot de passe provisoire.',
    codeTitle: 'Code de vérification',
    codeHelp: 'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour Gardien.',
    recoveryHelp: 'Téléphone perdu ? Saisissez l’un de vos codes de secours. Chacun ne sert qu’une fois.',
    recoveryCode: 'Code de secours',
    verify: 'Valider',
    useRecovery: 'Utiliser un code de secours',
    useApp: 'Utiliser l’application',
  },
  mfa: {
    enrolTitle: 'Activer la double authentification',
    why: 'Gardien protège des données de santé : chaque connexion demande, en plus du mot de passe, un code affiché par une application sur votre téléphone (par exemple FreeOTP, Google Authenticator ou Microsoft Authenticator).',
    scan: 'Scannez ce code QR avec l’application :',
    qrAlt: 'Code QR à scanner avec votre application d’authentification',
    manual: 'Ou saisissez cette clé à la main :',
    code: 'Code à 6 chiffres',
    codeHelp: 'Le code affiché par l’application pour Gardien.',
    confirm: 'Activer',
    recoveryTitle: 'Vos codes de secours, affichés une seule fois',
    recoveryHelp:
      'Imprimez-les ou notez-les et gardez-les en lieu sûr, hors de l’ordinateur. Chacun permet une connexion si vous perdez votre téléphone.',
    recoveryDone: 'J’ai noté mes codes, continuer',
  },
  password: {
    toggle: 'Afficher ou masquer le mot de passe',
    rule: 'Au moins 12 caractères mêlant majuscules, minuscules, chiffres et symboles, ou 14 caractères sans symbole, ou une phrase de 7 mots (recommandation CNIL). Le collage est autorisé.',
    current: 'Mot de passe actuel',
    new: 'Nouveau mot de passe',
    revokeOthers: 'Déconnecter mes autres appareils',
    submit: 'Changer le mot de passe',
    changed: 'Mot de passe changé.',
    forcedTitle: 'Choisissez votre mot de passe',
    forcedExplain:
      'Votre mot de passe actuel est provisoire. Choisissez le vôtre pour continuer ; personne d’autre ne le connaîtra.',
  },
  lock: {
    title: 'Session verrouillée',
    explain:
      'L’écran a été verrouillé après une période d’inactivité, pour que personne ne lise les données en votre absence. {{name}}, saisissez votre mot de passe pour reprendre là où vous en étiez.',
    unlock: 'Déverrouiller',
    otherPerson: 'Ce n’est pas moi : se déconnecter',
  },
};
