import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROLES } from '../../../contracts/roles.js';
import { can, PERMISSIONS, ROLE_PERMISSIONS } from './access.policy.js';

describe('role → permission table', () => {
  it('names only known permissions', () => {
    for (const r of ROLES) for (const p of ROLE_PERMISSIONS[r]) assert.ok(p in PERMISSIONS, `${r}: ${p}`);
  });
  it('keeps the auditor read-only and the trainee minimal', () => {
    const writes = ['practice.update', 'member.manage', 'token.manage-all'] as const;
    for (const p of writes) assert.equal(can('auditor', p), false, p);
    assert.deepEqual([...ROLE_PERMISSIONS.trainee], ['practice.read', 'worklist.read']);
    for (const p of ['patient.read', 'patient.write', 'request.read', 'request.manage'] as const)
      assert.equal(can('trainee', p), false, p);
    for (const p of ['patient.write', 'request.manage', 'patient.read'] as const)
      assert.equal(can('auditor', p), false, p);
  });
  it('lets only the owner manage the team', () => {
    assert.deepEqual(
      ROLES.filter((r) => can(r, 'member.manage')),
      ['owner'],
    );
  });
});
