/** What other parts of the app may use of the notes module; the rest is its own. */
export { NotesModule } from './notes.module.js';
export { RapporteursService } from './rapporteurs.service.js';
export { type SessionNotes, SessionNotesService } from './session-notes.service.js';
