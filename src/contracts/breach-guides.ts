import type { CIRCUMSTANCES, DATA_CATEGORIES, GUIDES, NATURES, PEOPLE_CATEGORIES, CAUSES } from './breaches.js';

type Text = { fr: string; en: string };

export interface BreachGuide {
  key: (typeof GUIDES)[number];
  nature: (typeof NATURES)[number][];
  circumstances: (typeof CIRCUMSTANCES)[number][];
  cause: (typeof CAUSES)[number];
  peopleCategories: (typeof PEOPLE_CATEGORIES)[number][];
  dataCategories: (typeof DATA_CATEGORIES)[number][];
  /** The first things to do, in order; they become the breach's first actions, due the day it is reported. */
  firstSteps: Text[];
}

/**
 * The guided starts for the seed's difficult situations (reviewed like code). Sources: CNIL security guide 2024
 * fiche 19, EDPB Guidelines 01/2021 (ransomware, lost devices, mis-sent e-mail, internal human risk).
 */
export const BREACH_GUIDES: readonly BreachGuide[] = [
  {
    key: 'ransomware',
    nature: ['availability', 'confidentiality'],
    circumstances: ['ransomware'],
    cause: 'external_malicious',
    peopleCategories: ['patients'],
    dataCategories: ['identity', 'contact', 'health', 'social_security_number'],
    firstSteps: [
      {
        fr: 'Débrancher du réseau (câble et Wi-Fi) les postes touchés, sans les éteindre',
        en: 'Disconnect the affected computers from the network (cable and Wi-Fi) without switching them off',
      },
      {
        fr: 'Ne pas payer la rançon et ne pas contacter les attaquants',
        en: 'Do not pay the ransom and do not contact the attackers',
      },
      {
        fr: 'Prévenir l’éditeur du logiciel de gestion et le prestataire informatique',
        en: 'Call the practice-software vendor and the IT provider',
      },
      {
        fr: 'Vérifier qu’une sauvegarde récente existe hors ligne et qu’elle n’est pas chiffrée',
        en: 'Check that a recent offline backup exists and was not encrypted',
      },
      { fr: 'Changer les mots de passe depuis un poste sain', en: 'Change the passwords from a clean computer' },
      {
        fr: 'Déposer plainte (commissariat, gendarmerie ou en ligne) et garder le message de rançon',
        en: 'File a police complaint and keep the ransom message',
      },
    ],
  },
  {
    key: 'stolen_device',
    nature: ['confidentiality', 'availability'],
    circumstances: ['lost_or_stolen_device'],
    cause: 'external_malicious',
    peopleCategories: ['patients'],
    dataCategories: ['identity', 'contact', 'health'],
    firstSteps: [
      {
        fr: 'Vérifier si l’appareil (ordinateur, clé USB, téléphone) était chiffré et où est la clé',
        en: 'Check whether the device (laptop, USB key, phone) was encrypted and where the key is',
      },
      {
        fr: 'Changer les mots de passe et couper les accès enregistrés sur l’appareil',
        en: 'Change the passwords and revoke the access saved on the device',
      },
      { fr: 'Effacer l’appareil à distance si c’est possible', en: 'Wipe the device remotely if possible' },
      { fr: 'Déposer plainte pour vol', en: 'File a police complaint for the theft' },
      {
        fr: 'Lister les données présentes sur l’appareil et restaurer la dernière sauvegarde',
        en: 'List the data on the device and restore the latest backup',
      },
    ],
  },
  {
    key: 'wrong_recipient_email',
    nature: ['confidentiality'],
    circumstances: ['wrong_recipient'],
    cause: 'internal_accidental',
    peopleCategories: ['patients'],
    dataCategories: ['identity', 'health'],
    firstSteps: [
      {
        fr: 'Demander au destinataire de supprimer le message et de confirmer par écrit qu’il l’a fait',
        en: 'Ask the recipient to delete the message and to confirm in writing that they did',
      },
      { fr: 'Rappeler le message si la messagerie le permet', en: 'Recall the message if the mail system allows it' },
      {
        fr: 'Noter ce qui a été envoyé : quelles pièces, quels patients',
        en: 'Note what was sent: which documents, which patients',
      },
      {
        fr: 'Vérifier l’adresse dans le carnet d’adresses pour éviter une nouvelle erreur',
        en: 'Fix the address in the address book so it does not happen again',
      },
    ],
  },
  {
    key: 'former_employee_access',
    nature: ['confidentiality'],
    circumstances: ['other'],
    cause: 'internal_accidental',
    peopleCategories: ['patients', 'staff'],
    dataCategories: ['identity', 'contact', 'health', 'login'],
    firstSteps: [
      {
        fr: 'Désactiver tout de suite ses comptes (logiciel, messagerie, Gardien, accès à distance)',
        en: 'Disable their accounts at once (practice software, e-mail, Gardien, remote access)',
      },
      {
        fr: 'Changer les mots de passe partagés qu’il ou elle connaissait',
        en: 'Change the shared passwords they knew',
      },
      {
        fr: 'Consulter les journaux d’accès pour savoir s’il y a eu des connexions après son départ',
        en: 'Read the access logs to see whether they signed in after leaving',
      },
      {
        fr: 'Récupérer les badges, clés et appareils du cabinet',
        en: 'Take back the practice’s badges, keys and devices',
      },
    ],
  },
];

export const guideOf = (key: string): BreachGuide | undefined => BREACH_GUIDES.find((g) => g.key === key);
