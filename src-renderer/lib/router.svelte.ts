/**
 * A tiny state-based router: the app never navigates (design.md §6 denies all navigation), it only
 * switches screens. Later screens add a variant to `Route`.
 */
export type Route =
  { name: 'cases' } | { name: 'case'; number: number } | { name: 'new-case' } | { name: 'library' };

export class Router {
  route = $state<Route>({ name: 'cases' });

  go(route: Route): void {
    this.route = route;
  }
}
