import type { CardBoot } from '../../../shared/api/card-boot.ts';
import { BootFailure } from './components/BootFailure.tsx';
import { CanvasShell } from './components/CanvasShell.tsx';
import { PreviewShell } from './components/PreviewShell.tsx';

export function App({ boot }: { readonly boot: CardBoot }) {
  if (boot.mode === 'preview') return <PreviewShell boot={boot} />;
  if (!boot.token || !boot.record) return <BootFailure locale={boot.locale} />;
  return <CanvasShell boot={boot} token={boot.token} record={boot.record} />;
}
