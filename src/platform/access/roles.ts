/**
 * Roles a user holds per organisation membership, and what each role may do.
 * Shared with the web client through GET /api/auth/me (the client only hides what the server refuses anyway).
 */
export const roles = [
  'admin',
  'leader',
  'sectionStaff',
  'townshipStaff',
  'submitter',
  'mediator',
  'lawyer',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'matter.read',
  'matter.write',
  'report.read',
  'calendar.manage',
  'profile.manage',
] as const;
export type Permission = (typeof permissions)[number];

const read: Permission[] = ['org.read', 'matter.read', 'report.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: [...read, 'user.read', 'audit.read'],
  sectionStaff: [...read, 'user.read', 'matter.write'],
  townshipStaff: [...read, 'user.read', 'matter.write'],
  submitter: ['org.read', 'matter.read', 'matter.write'],
  mediator: ['org.read', 'matter.read', 'matter.write'],
  lawyer: ['org.read', 'matter.read', 'matter.write'],
  auditor: [...read, 'user.read', 'audit.read'],
};

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  leader: '局领导',
  sectionStaff: '科室工作人员',
  townshipStaff: '司法所工作人员',
  submitter: '部门报送人员',
  mediator: '调解员',
  lawyer: '律师',
  auditor: '审计员',
};
