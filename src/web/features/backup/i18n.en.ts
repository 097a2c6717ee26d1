/** The backup screens' words (en). */
export const backupEn = {
  backup: {
    title: 'Backups',
    intro:
      'Gardien encrypts a full backup every day and regularly checks that it restores. Here is where these operations stand on this server.',
    lastBackup: 'Last backup',
    lastBackupAt: 'Succeeded on {{date}}.',
    never: 'No successful backup yet.',
    failed: 'The last attempt failed.',
    tooOld: 'It is more than a day old.',
    lastDrill: 'Last restore test',
    lastDrillAt: 'Succeeded on {{date}}.',
    neverDrill: 'No restore test yet.',
    drillTooOld: 'It is more than 35 days old.',
    how: 'The person who runs the server starts these operations with:',
    howBackup: 'an encrypted backup, without stopping Gardien;',
    fileName: 'FILE.gbk',
    howDrill: 'the restore test of a backup, in a temporary place.',
  },
};
