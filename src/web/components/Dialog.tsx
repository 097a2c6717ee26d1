import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog: its title is its accessible name, its close button speaks the person's language, and its header
 * is a plain element (Mantine's <header> would be a second "banner" landmark for screen readers).
 */
export function Dialog({
  title,
  onClose,
  size,
  children,
}: {
  title: string;
  onClose: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headerProps = { component: 'div' } as Record<string, unknown>;
  return (
    <Modal.Root opened onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...headerProps}>
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('common.closeDialog')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
