/** The practice screens' words (en). */
export const practiceEn = {
  practice: {
    title: 'Practice',
    intro:
      'The practice’s identity appears on the register, the notices and the letters. The owner keeps it up to date.',
    name: 'Practice name',
    legalForm: 'Legal form',
    legalFormHelp:
      'It sets how long the accounting is kept: 6 years for a sole practitioner (LPF L102 B), 10 years for a company (SELARL, SELAS…: Commercial Code L123-22).',
    phone: 'Practice telephone',
    email: 'Practice e-mail',
    overseasTerritory: 'Overseas practice',
    overseasTerritoryHelp:
      'The day of the abolition of slavery is a public holiday there (Labour Code L3422-2): deadlines skip it. Default date, to be checked.',
    metropolitan: 'No (metropolitan France)',
    territories: {
      guadeloupe: 'Guadeloupe (27 May)',
      martinique: 'Martinique (22 May)',
      guyane: 'French Guiana (10 June)',
      reunion: 'Réunion (20 December)',
      mayotte: 'Mayotte (27 April)',
      saint_barthelemy: 'Saint-Barthélemy (9 October)',
      saint_martin: 'Saint-Martin (28 May)',
    },
    siren: 'SIREN (9 digits)',
    siret: 'SIRET (14 digits)',
    address: 'Address',
    controllerName: 'Controller (the owner)',
    dpoContact: 'GDPR contact or DPO',
    idleLockMinutes: 'Lock after inactivity (minutes)',
    idleLockHelp: 'From 1 to 60 minutes; 5 by default. The screen is covered and the password asked again.',
    alsaceMoselle: 'Practice in Alsace-Moselle',
    alsaceMoselleHelp: 'Good Friday and 26 December are then public holidays: request deadlines skip them.',
    save: 'Save',
    saved: 'Changes saved.',
  },
};
