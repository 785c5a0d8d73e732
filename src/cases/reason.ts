// The keyword guesser of the contact reason lives with the listening capability, beside the model trained to
// replace it; cases take it from there (inbound messages still guess with it before any model is trained).
export { guessReason } from '../listening/index.ts';
