/** The patients screens' words (fr). */
export const patientsFr = {
  patients: {
    title: 'Patients',
    intro:
      'L’index des patients ne contient que ce dont la conformité a besoin (identité, contact, dernière visite, indicateurs) : jamais de données cliniques, qui restent dans le logiciel du cabinet. Chaque recherche est inscrite au journal.',
    add: 'Ajouter un patient',
    search: 'Rechercher',
    searchHelp:
      'Nom (sans se soucier des accents), date de naissance AAAA-MM-JJ ou identifiant du logiciel ; 2 caractères au moins.',
    pickerHelp: 'Tapez au moins 2 lettres du nom, ou la date de naissance.',
    typeMore: 'Tapez au moins 2 caractères',
    noneFound: 'Aucun patient trouvé.',
    partial:
      'Les {{shown}} premiers des {{total}} patients trouvés : tapez davantage du nom pour affiner la recherche.',
    partialCapped:
      'Les {{shown}} premiers de plus de {{total}} patients trouvés : tapez davantage du nom pour affiner la recherche.',
    name: 'Nom',
    flags: 'Indicateurs',
    restricted: 'Traitement limité',
    noSms: 'Pas de SMS',
    deceased: 'Décédé',
    edit: 'Modifier',
    addTitle: 'Ajouter un patient',
    editTitle: 'Modifier le patient',
    save: 'Enregistrer',
    lastName: 'Nom de famille',
    firstName: 'Prénom',
    birthDate: 'Date de naissance',
    externalId: 'Identifiant dans le logiciel du cabinet',
    email: 'E-mail',
    phone: 'Téléphone',
    address: 'Adresse',
    lastCareOn: 'Dernier soin le',
    deathOn: 'Décès le',
    isRestricted: 'Traitement limité (article 18) jusqu’à nouvel ordre',
    objectsToSms: 'S’oppose aux rappels de rendez-vous par SMS',
    marketingConsent: 'A consenti aux communications commerciales',
  },
  import: {
    clearFile: 'Retirer le fichier',
    open: 'Importer un fichier',
    title: 'Importer les patients du logiciel du cabinet',
    intro:
      'Exportez la liste des patients de votre logiciel en CSV, puis choisissez le fichier. Gardien vérifie chaque ligne avant d’écrire quoi que ce soit ; un patient déjà connu (même identifiant du logiciel) est mis à jour, pas dupliqué.',
    file: 'Fichier CSV',
    none: 'Aucune colonne',
    check: 'Vérifier le fichier',
    recheck: 'Vérifier à nouveau',
    checking: 'Vérification du fichier…',
    importing: 'Import en cours : ne fermez pas la fenêtre…',
    progress: 'Import en cours : {{done}} patients écrits sur {{total}} ({{percent}} %). Ne fermez pas la fenêtre.',
    checked: 'Vérification terminée : rien n’a été écrit',
    checkedDetail:
      '{{lines}} lignes lues, {{valid}} prêtes à importer, {{rejected}} refusées (détail ci-dessous). Ajustez les colonnes si besoin, puis importez.',
    run: 'Importer {{count}} patients',
    done: 'Import terminé',
    doneDetail:
      '{{created}} patients ajoutés, {{updated}} mis à jour, {{unchanged}} inchangés, {{rejected}} lignes refusées.',
    line: 'Ligne',
    field: 'Champ',
    reason: 'Raison',
  },
};
