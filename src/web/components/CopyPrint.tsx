import { Button, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Prints only these lines (recovery codes, a temporary password), from a hidden frame: not the page around them. */
function printLines(title: string, lines: string[]): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.appendChild(frame);
  const doc = frame.contentDocument!;
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  doc.body.appendChild(h1);
  for (const line of lines) {
    const p = doc.createElement('p');
    p.textContent = line;
    p.style.fontFamily = 'monospace';
    p.style.fontSize = '14pt';
    doc.body.appendChild(p);
  }
  frame.contentWindow!.focus();
  frame.contentWindow!.print();
  setTimeout(() => frame.remove(), 1000);
}

/** Copy and print buttons for a secret shown once: the person keeps it without retyping it. */
export function CopyPrint({ title, lines }: { title: string; lines: string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <CopyButton value={lines.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" size="xs" onClick={copy}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
      <Button variant="default" size="xs" onClick={() => printLines(title, lines)}>
        {t('common.print')}
      </Button>
    </Group>
  );
}
