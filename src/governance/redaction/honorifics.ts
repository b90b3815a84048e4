/**
 * Titles that precede a name. They are kept out of NAME spans (SPEC §8.4:
 * persons, not titles), and a capitalised word after one is a strong sign of a
 * surname.
 */
export const HONORIFICS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame madam madame lord lady rev reverend fr father sr sister br brother ' +
    'hon judge justice sen senator rep gov governor pres president capt captain col colonel gen general lt sgt ' +
    'officer det detective insp inspector mme mlle herr frau señor senor señora senora sra srta dott ing ' +
    'ceo cfo cto coo cio vp evp svp md phd esq'
  ).split(' '),
);

/** Whether `word` (with or without a trailing period) is a title. */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.replace(/\.$/, '').toLowerCase());
}
