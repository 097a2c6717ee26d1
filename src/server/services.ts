import type { Clock } from './platform/clock.js';
import type { Keys } from './platform/crypto/key-file.js';
import type { DatabaseTarget, Db, DialectName } from './platform/db/database.js';
import type { Actor } from './shared/actor.js';
import { Access } from './modules/access/index.js';
import { AuditTrail, AuditTrailService, GroupCommit } from './modules/audit-trail/index.js';
import { ApiTokenService, AuthService } from './modules/auth/index.js';
import { PracticesService, practicesFirstSteps } from './modules/practices/index.js';
import { InvitationsService, TeamService, teamFirstSteps } from './modules/team/index.js';
import { BackupEngine, BackupService, backupWorklistProvider } from './modules/backup/index.js';
import { Worklist } from './modules/worklist/index.js';
import { PatientsService } from './modules/patients/index.js';
import {
  RequestAnswersService,
  RequestFilesService,
  RightsRequestsService,
  rightsRequestsWorklistProvider,
} from './modules/rights-requests/index.js';
import {
  NoticesService,
  RegisterService,
  type RegisterPartners,
  registerFirstSteps,
  registerWorklistProvider,
} from './modules/register/index.js';
import { BreachDocumentsService, BreachesService, breachesWorklistProvider } from './modules/breaches/index.js';
import {
  ProcessorDocumentsService,
  ProcessorsService,
  processorsFirstSteps,
  processorsWorklistProvider,
} from './modules/processors/index.js';
import { VERSION } from './version.js';

export interface ServiceSettings {
  sessionAbsoluteMs: number;
  loginIpLimitPer15Min: number;
  auditCheckpointEvery: number;
  /** Chains from this many entries are verified by worker threads first (AuditTrail); its default unless set. */
  auditParallelVerifyFrom?: number;
  /** Where the database is, for online backups through their own read-only connection. */
  target: DatabaseTarget;
}

export interface Services {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  keys: Keys;
  auditTrail: AuditTrail;
  access: Access;
  auth: AuthService;
  practices: PracticesService;
  team: TeamService;
  invitations: InvitationsService;
  apiTokens: ApiTokenService;
  auditTrailService: AuditTrailService;
  backupEngine: BackupEngine;
  backup: BackupService;
  worklist: Worklist;
  patients: PatientsService;
  rightsRequests: RightsRequestsService;
  requestAnswers: RequestAnswersService;
  requestFiles: RequestFilesService;
  register: RegisterService;
  notices: NoticesService;
  breaches: BreachesService;
  breachDocuments: BreachDocumentsService;
  processors: ProcessorsService;
  processorDocuments: ProcessorDocumentsService;
  /** True once a use case wrote the audit entry for this actor's request. */
  isAudited(actor: Actor): boolean;
  /** Writes the audit entries in flight: before the database is closed. */
  close(): Promise<void>;
}

/** Wires the modules together (no logic): shared by the HTTP server, the CLI and the tests. */
export function createServices(
  db: Db,
  dialect: DialectName,
  keys: Keys,
  clock: Clock,
  settings: ServiceSettings,
): Services {
  const audited = new WeakSet<Actor>();
  const auditTrail = new AuditTrail({
    keys,
    clock,
    checkpointEvery: settings.auditCheckpointEvery,
    parallelVerifyFrom: settings.auditParallelVerifyFrom,
  });
  const groupCommit = new GroupCommit({ db, auditTrail });
  const access = new Access({ db, auditTrail, groupCommit, clock, onAudited: (a) => audited.add(a) });
  const auth = new AuthService({
    db,
    clock,
    keys,
    auditTrail,
    sessionAbsoluteMs: settings.sessionAbsoluteMs,
    loginIpLimitPer15Min: settings.loginIpLimitPer15Min,
  });
  const backupEngine = new BackupEngine({
    db,
    target: settings.target,
    dialect,
    keys,
    clock,
    auditTrail,
    version: VERSION,
  });
  const worklist = new Worklist({ access, clock });
  worklist.register(backupWorklistProvider(backupEngine));
  worklist.register(rightsRequestsWorklistProvider());
  worklist.register(breachesWorklistProvider());
  worklist.register(registerWorklistProvider());
  worklist.register(processorsWorklistProvider());
  for (const step of [
    ...practicesFirstSteps(),
    ...teamFirstSteps(),
    ...registerFirstSteps(),
    ...processorsFirstSteps(),
  ])
    worklist.registerStep(step);
  const team = new TeamService({ db, clock, access, auditTrail, auth });
  const practices = new PracticesService({ db, dialect, clock, access, auditTrail, auth, team });
  // The restriction check reaches the request answers lazily: they are built after the patients they depend on.
  let answers: RequestAnswersService | null = null;
  const patients = new PatientsService({
    access,
    clock,
    restrictionInForce: (tx, practiceId, patientId) => answers!.restrictionInForceFor(tx, practiceId, patientId),
  });
  // The register names the processors (recipients, exports) through a port: processors are built after it.
  let partners: RegisterPartners | null = null;
  const register = new RegisterService({
    access,
    clock,
    practices,
    team,
    patients,
    partners: { names: (tx, id) => partners!.names(tx, id), table: (tx, id, lang) => partners!.table(tx, id, lang) },
  });
  const processors = new ProcessorsService({ access, clock, practices, team, register, dataKey: keys.dataKey });
  partners = processors.partnersOfRegister();
  return {
    db,
    dialect,
    clock,
    keys,
    auditTrail,
    access,
    auth,
    backupEngine,
    worklist,
    practices,
    team,
    invitations: new InvitationsService({ db, clock, access, auditTrail, auth }),
    patients,
    rightsRequests: new RightsRequestsService({
      access,
      clock,
      patients,
      practices,
      register: (tx, practiceId) => register.patientActivities(tx, practiceId),
    }),
    requestAnswers: (answers = new RequestAnswersService({
      access,
      clock,
      patients,
      practices,
      dataKey: keys.dataKey,
      register: (tx, practiceId) => register.patientActivities(tx, practiceId),
    })),
    requestFiles: new RequestFilesService({ access, clock, practices, dataKey: keys.dataKey }),
    register,
    notices: new NoticesService({ access, clock, practices, patients, register }),
    breaches: new BreachesService({ access, clock, patients, practices, team }),
    breachDocuments: new BreachDocumentsService({ access, clock, practices, team }),
    processors,
    processorDocuments: new ProcessorDocumentsService({ access, clock, practices, register, processors }),
    backup: new BackupService({ access, engine: backupEngine }),
    apiTokens: new ApiTokenService({ access, auth }),
    auditTrailService: new AuditTrailService({ access, auditTrail, target: settings.target }),
    isAudited: (a) => audited.has(a),
    close: () => groupCommit.close(),
  };
}
