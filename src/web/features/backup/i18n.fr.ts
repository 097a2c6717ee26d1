/** The backup screens' words (fr). */
export const backupFr = {
  backup: {
    title: 'Sauvegardes',
    intro:
      'Gardien chiffre une sauvegarde complète chaque jour et vérifie régulièrement qu’elle se restaure. Voici où en sont ces opérations sur ce serveur.',
    lastBackup: 'Dernière sauvegarde',
    lastBackupAt: 'Réussie le {{date}}.',
    never: 'Aucune sauvegarde réussie pour l’instant.',
    failed: 'La dernière tentative a échoué.',
    tooOld: 'Elle date de plus d’un jour.',
    lastDrill: 'Dernier test de restauration',
    lastDrillAt: 'Réussi le {{date}}.',
    neverDrill: 'Aucun test de restauration pour l’instant.',
    drillTooOld: 'Il date de plus de 35 jours.',
    how: 'La personne qui administre le serveur lance ces opérations avec :',
    howBackup: 'une sauvegarde chiffrée, sans arrêter Gardien ;',
    fileName: 'FICHIER.gbk',
    howDrill: 'le test de restauration d’une sauvegarde, dans un espace temporaire.',
  },
};
