import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/** The menu on a phone: slides in from the left under the header's ☰ button. */
export default function MenuDrawer({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose(): void;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      size={260}
      open={open}
      onClose={onClose}
      title={title}
      styles={{ body: { padding: 0 } }}
      data-testid="menu-drawer"
    >
      {children}
    </Drawer>
  );
}
