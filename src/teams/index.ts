// The front door of teams: what other capabilities may use. Everything else in this folder is its own business.
export { findDefaultTeam, findTeam, markAssigned, membersOf, type Team, type TeamMember } from './store.ts';
