/** The auth screens' words (en). */
export const authEn = {
  setup: {
    title: 'Welcome to Gardien',
    intro:
      'First installation: create your practice and the owner’s account. You will then enable two-factor authentication with an app on your phone.',
    practiceName: 'Practice name',
    ownerName: 'Your name (practice owner)',
    ownerHelp: 'The practitioner responsible for the practice’s data.',
    ownerEmail: 'Your e-mail address',
    password: 'Password',
    submit: 'Create the practice',
  },
  login: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    lockoutHelp:
      'After 5 wrong attempts, each new attempt is slowed down; after 10, the account is locked for an hour. The owner can give you a temporary password.',
    codeTitle: 'Verification code',
    codeHelp: 'Open your authenticator app and type the 6-digit code shown for Gardien.',
    recoveryHelp: 'Lost your phone? Type one of your recovery codes. Each works only once.',
    recoveryCode: 'Recovery code',
    verify: 'Confirm',
    useRecovery: 'Use a recovery code',
    useApp: 'Use the app',
  },
  mfa: {
    enrolTitle: 'Enable two-factor authentication',
    why: 'Gardien protects health data: every sign-in asks, besides the password, for a code shown by an app on your phone (for example FreeOTP, Google Authenticator or Microsoft Authenticator).',
    scan: 'Scan this QR code with the app:',
    qrAlt: 'QR code to scan with your authenticator app',
    manual: 'Or type this key by hand:',
    code: '6-digit code',
    codeHelp: 'The code the app shows for Gardien.',
    confirm: 'Enable',
    recoveryTitle: 'Your recovery codes, shown only once',
    recoveryHelp:
      'Print them or write them down and keep them somewhere safe, away from the computer. Each lets you sign in once if you lose your phone.',
    recoveryDone: 'I have written down my codes, continue',
  },
  password: {
    toggle: 'Show or hide the password',
    rule: 'At least 12 characters mixing upper and lower case, digits and symbols, or 14 characters without symbols, or a 7-word passphrase (CNIL recommendation). Pasting is allowed.',
    current: 'Current password',
    new: 'New password',
    revokeOthers: 'Sign out my other devices',
    submit: 'Change the password',
    changed: 'Password changed.',
    forcedTitle: 'Choose your password',
    forcedExplain: 'Your current password is temporary. Choose your own to continue; nobody else will know it.',
  },
  lock: {
    title: 'Session locked',
    explain:
      'The screen was locked after a period of inactivity, so that nobody reads the data while you are away. {{name}}, type your password to pick up where you left off.',
    unlock: 'Unlock',
    otherPerson: 'This is not me: sign out',
  },
};
