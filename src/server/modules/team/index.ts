export { TeamService } from './team.service.js';
export { InvitationsService, INVITATION_DAYS, MAX_INVITATION_ATTEMPTS } from './invitations.service.js';
export { registerTeamRoutes } from './team.routes.js';
export { teamFirstSteps } from './team.worklist.js';
