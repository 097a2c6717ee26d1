/** The practice screens' words (fr). */
export const practiceFr = {
  practice: {
    title: 'Cabinet',
    intro: 'L’identité du cabinet figure sur le registre, les notices et les courriers. Le titulaire la tient à jour.',
    name: 'Nom du cabinet',
    legalForm: 'Forme d’exercice',
    legalFormHelp:
      'Elle fixe la conservation de la comptabilité : 6 ans en exercice individuel (LPF L102 B), 10 ans pour une société (SELARL, SELAS… : code de commerce L123-22).',
    phone: 'Téléphone du cabinet',
    email: 'E-mail du cabinet',
    overseasTerritory: 'Cabinet outre-mer',
    overseasTerritoryHelp:
      'Le jour de l’abolition de l’esclavage y est férié (code du travail L3422-2) : les échéances le sautent. Date par défaut, à vérifier.',
    metropolitan: 'Non (métropole)',
    territories: {
      guadeloupe: 'Guadeloupe (27 mai)',
      martinique: 'Martinique (22 mai)',
      guyane: 'Guyane (10 juin)',
      reunion: 'La Réunion (20 décembre)',
      mayotte: 'Mayotte (27 avril)',
      saint_barthelemy: 'Saint-Barthélemy (9 octobre)',
      saint_martin: 'Saint-Martin (28 mai)',
    },
    siren: 'SIREN (9 chiffres)',
    siret: 'SIRET (14 chiffres)',
    address: 'Adresse',
    controllerName: 'Responsable de traitement (le titulaire)',
    dpoContact: 'Contact RGPD ou DPO',
    idleLockMinutes: 'Verrouillage après inactivité (minutes)',
    idleLockHelp: 'De 1 à 60 minutes ; 5 par défaut. L’écran se couvre et le mot de passe est redemandé.',
    alsaceMoselle: 'Cabinet en Alsace-Moselle',
    alsaceMoselleHelp:
      'Le Vendredi saint et le 26 décembre sont alors fériés : les échéances des demandes les sautent.',
    save: 'Enregistrer',
    saved: 'Modifications enregistrées.',
  },
};
