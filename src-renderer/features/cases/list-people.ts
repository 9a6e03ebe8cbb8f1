import { searchActors, UserDirectory } from '../../lib/people.js';

/** People for the list, read once per workspace: filters search everyone, bulk assign the assignable. */
export class ListPeople {
  /** Assignee and "last modified by" filters: inactive users too, as old cases name them. */
  readonly everyone = new UserDirectory({ assignableOnly: false });
  /** Bulk assign: only users a case can be given to. */
  readonly assignable = new UserDirectory({ assignableOnly: true });
  /** The subject filter. */
  readonly searchActors = searchActors;
}
