// How customers of airlines and shops complain and thank, beyond what a general lexicon knows: words whose
// valence differs in service talk ('help' and 'please' plead here, 'delayed' is a grievance), and phrases.
// Valences are on VADER's scale (−4 … +4); the phrases are matched on the normalised words joined by spaces.

/** Words rated for service talk; they override the general lexicons. */
export const SERVICE_WORDS: ReadonlyMap<string, number> = new Map([
  // A customer asking for help, or saying please, is not pleased.
  ['help', 0],
  ['please', 0],
  ['pls', 0],
  ['plz', 0],
  ['ok', 0],
  ['okay', 0],
  ['yes', 0.3],
  ['no', -0.3],
  ['like', 0.3],
  ['want', 0],
  ['free', 0.3],
  ['hope', 0.5],
  ['care', 0.3],
  ['sorry', -0.3],
  ['lol', 0.8],
  ['delayed', -1.8],
  ['delay', -1.6],
  ['delays', -1.8],
  ['late', -1.5],
  ['later', 0],
  // Leaving is what a flight does.
  ['leave', 0],
  ['leaves', 0],
  ['leaving', 0],
  ['cancelled', -1.8],
  ['canceled', -1.8],
  ['cancellation', -1.5],
  ['cancelation', -1.5],
  ['stuck', -2],
  ['stranded', -2.5],
  ['lost', -1.8],
  ['missing', -1.5],
  ['damaged', -2],
  ['broken', -2],
  ['rude', -2.5],
  ['overbooked', -2],
  ['diverted', -1],
  ['waiting', -0.8],
  ['waited', -1],
  ['wait', -0.5],
  ['hold', -0.6],
  ['hours', -0.6],
  ['hrs', -0.6],
  ['again', -0.5],
  ['still', -0.5],
  ['nothing', -0.6],
  ['refund', -0.6],
  ['compensation', -0.5],
  ['worst', -3.2],
  ['fail', -2.5],
  ['epicfail', -3],
  ['unacceptable', -2.5],
  ['ridiculous', -2.2],
  ['pathetic', -2.8],
  ['joke', -1.2],
  ['seriously', -1],
  ['smh', -1.8],
  ['ugh', -2],
  ['wtf', -2.8],
  ['disappointed', -2.4],
  ['disappointing', -2.4],
  ['frustrated', -2.4],
  ['frustrating', -2.4],
  ['annoyed', -2],
  ['incompetent', -2.8],
  ['useless', -2.5],
  ['nonexistent', -1.5],
  ['mess', -1.8],
  ['kudos', 2.5],
  ['thx', 1.9],
  ['thanx', 1.9],
  ['ty', 1.5],
  ['luv', 3],
  ['shoutout', 2],
  ['smooth', 1.5],
  ['upgrade', 1.2],
  ['upgraded', 1.8],
  ['comfy', 2],
  ['yay', 2.4],
  ['woohoo', 2.5],
  ['props', 2],
  ['ontime', 1.5],
]);

export interface Phrase {
  pattern: RegExp;
  valence: number;
}

const MY = String.raw`(?:my|our|his|her|their|the|a|\d+)`;
const BAG = '(?:bags?|luggage|baggage|suitcases?|car seat|stroller)';

/** Phrases of complaint and praise. Their valence adds to that of their words. */
export const SERVICE_PHRASES: readonly Phrase[] = [
  { pattern: /\bstill (?:waiting|no|not|nothing|haven't|have not|on hold|stuck|sitting)\b/g, valence: -2 },
  { pattern: /\b(?:on|put on) hold\b/g, valence: -1.8 },
  { pattern: /\bhold (?:for|time)\b/g, valence: -1.2 },
  { pattern: new RegExp(String.raw`\b(?:lost|lose|misplaced|lost track of) ${MY} ${BAG}`, 'g'), valence: -2.5 },
  {
    pattern: new RegExp(
      String.raw`\b${BAG} (?:is |are |was |were |got |has been |have been )?(?:lost|missing|damaged|broken|destroyed)`,
      'g',
    ),
    valence: -2.5,
  },
  {
    pattern:
      /\b(?:no one|nobody|noone) (?:answers|answering|answered|picks up|is answering|helps|responds|called|to help)\b/g,
    valence: -2.5,
  },
  {
    pattern: /\bno (?:answer|response|reply|help|info|information|updates?|one|explanation|communication)\b/g,
    valence: -1.5,
  },
  { pattern: /\bthanks? (?:you )?for nothing\b/g, valence: -5 },
  { pattern: /\bnever again\b/g, valence: -2.5 },
  { pattern: /\bnever (?:fly|flying|flown|use|using|book|booking)\b/g, valence: -2 },
  {
    pattern: new RegExp(String.raw`\bmissed ${MY} (?:connection|connecting flight|flight|meeting|wedding)`, 'g'),
    valence: -2.5,
  },
  { pattern: /\b(?:want|need|demand|where is|requesting|request) (?:a |my |full )?refund\b/g, valence: -1.5 },
  {
    pattern: /\b\d+ (?:hours?|hrs?|h) (?:late|delay|delayed|wait|waiting|on hold|on the tarmac|in line)\b/g,
    valence: -2,
  },
  { pattern: /\b(?:sitting|sat|stuck|waiting) on (?:the )?(?:tarmac|runway|plane)\b/g, valence: -2 },
  { pattern: /\bcancell?ed flight(?:ed|led)?\b/g, valence: -1.5 },
  { pattern: /\blate flight\b/g, valence: -1 },
  { pattern: /\bhung up\b/g, valence: -2.5 },
  { pattern: /\b(?:can not|could not|unable to) (?:get through|get a hold|reach|get anyone|speak)\b/g, valence: -2 },
  {
    pattern:
      /\bcustomer (?:service|care|support) (?:is|was|has been)? ?(?:a joke|terrible|awful|horrible|nonexistent|the worst)\b/g,
    valence: -2,
  },
  { pattern: /\bwhat a joke\b/g, valence: -2.5 },
  {
    pattern: /\b(?:great|awesome|love|nice|thanks|wonderful|fantastic|perfect) (?:another|again|more)\b/g,
    valence: -3,
  },
  { pattern: /\banother (?:delay|delayed|cancell?ation|cancell?ed)\b/g, valence: -1.5 },
  { pattern: /\bnot (?:happy|impressed|pleased|cool|ok|okay|acceptable)\b/g, valence: -1 },
  { pattern: /\b(?:on time|early|ahead of schedule)\b/g, valence: 1.2 },
  {
    pattern:
      /\b(?:thank you|thanks|thx) (?:so much|very much|again|for (?:the|your|a|getting|being|making|taking|helping|all))\b/g,
    valence: 1,
  },
  {
    pattern:
      /\b(?:great|excellent|amazing|awesome|best|wonderful|friendly|fantastic) (?:crew|service|flight|job|experience|staff|team|customer service)\b/g,
    valence: 1,
  },
  { pattern: /\b(?:made it|got home|home safe|landed safely)\b/g, valence: 1.2 },
];
