/**
 * Words that name the same thing in workplace meetings ("cost" / "price",
 * "customer" / "account"), so a question finds the sentence that answers it
 * in other words. Small on purpose: each group was checked to be
 * interchangeable in a question, not merely related.
 */
import { analyzeTerms } from '../text/term-analyzer.ts';

const GROUPS = [
  'cost costs price prices pricing expensive cheap cheaper spend spending fee fees',
  'budget budgets funding',
  'deadline deadlines due',
  'vendor vendors supplier suppliers provider providers',
  'customer customers client clients account accounts consumer consumers',
  'feature features function functions functionality',
  'hire hires hiring recruit recruiting recruitment headcount',
  'release releases launch launches ship ships shipping',
  'bug bugs defect defects issue issues incident incidents',
  'fix fixes hotfix patch',
  'schedule timeline',
  'revenue sales income',
  'risk risks concern concerns blocker blockers',
  'mockup mockups prototype prototypes wireframe wireframes',
  'salary salaries compensation pay band',
  'contract contracts agreement',
  'employee employees staff',
  // American and British spellings the stemmer keeps apart.
  'color colors colour colours',
  'favorite favorites favourite favourites',
  'behavior behaviour',
  'center centre',
  'gray grey',
];

const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const terms = [...new Set(analyzeTerms(group))];
    for (const term of terms) {
      if (!map.has(term)) map.set(term, new Set());
      for (const other of terms) if (other !== term) map.get(term)!.add(other);
    }
  }
  return new Map([...map].map(([term, others]) => [term, [...others]]));
})();

/**
 * Index terms that mean the same as `term` in a meeting.
 *
 * @example
 * synonymsOf('cost') // ['price', 'expens', 'cheap', 'spend', 'fee'] (stemmed)
 */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? [];
}
