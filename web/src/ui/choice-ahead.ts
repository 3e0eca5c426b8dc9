/**
 * A choice kept in the address shows at once, before the router has moved there: on a slow phone
 * the next page's data takes a moment, and a switch or radio button that does not move (or moves
 * back until the address follows) looks like a missed tap. A new address from elsewhere (the back
 * button, a link) wins over what was chosen here.
 */
import { useState } from 'react';

export function useChoiceAhead<T>(current: T): [shown: T, choose: (next: T) => void] {
  const [chosen, setChosen] = useState({ value: current, from: current });
  const shown = Object.is(chosen.from, current) ? chosen.value : current;
  return [shown, (next) => setChosen({ value: next, from: current })];
}
