/** People behind case subjects and assignees (incydr-api.md §4). */

/** An item of `GET /v1/users`. */
export interface User {
  legacyUserId: string | null;
  userId: string;
  username: string;
  firstName: string | null;
  lastName: string | null;
  legacyOrgId: string | null;
  orgId: string | null;
  orgGuid: string | null;
  orgName: string | null;
  notes: string | null;
  active: boolean;
  blocked: boolean;
  creationDate: string | null;
  modificationDate: string | null;
}

export interface UserPage {
  users: User[];
  totalCount: number;
}

export interface UserQuery {
  active?: boolean;
  blocked?: boolean;
  username?: string;
  page?: number;
  pageSize?: number;
}

/** `GET /v1/actors/actor/id/{id}`. */
export interface Actor {
  actorId: string;
  name: string;
  active: boolean;
  inScope: boolean;
  alternateNames: string[];
  firstName: string | null;
  lastName: string | null;
  title: string | null;
  department: string | null;
  division: string | null;
  employeeType: string | null;
  country: string | null;
  region: string | null;
  locality: string | null;
  managerActorId: string | null;
  parentActorId: string | null;
  notes: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** An item of `GET /v1/actors/actor/search` (a slimmer object). */
export interface ActorSearchItem {
  actorId: string;
  name: string;
  active: boolean;
  parentActorId: string | null;
}

export interface ActorQuery {
  nameStartsWith?: string;
  nameEndsWith?: string;
  active?: boolean;
  page?: number;
  pageSize?: number;
}
