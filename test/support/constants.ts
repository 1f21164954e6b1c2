export const TEST_ADMIN_PASSWORD = 'Test-Admin-Pass-2026';
export const TEST_USER_PASSWORD = 'Clerk-Pass-2026!';
