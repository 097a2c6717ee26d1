import i18n from './index.js';
import { en } from './en.js';
import { fr } from './fr.js';

// The work screens' words, added when the signed-in workspace loads (its chunk imports this file): the sign-in page
// does not download them.
i18n.addResourceBundle('fr', 'translation', fr, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
