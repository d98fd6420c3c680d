import { useEffect, useRef, useState } from 'react';
import type { ConnectReturn } from '../../engine/connect-return.js';
import { useStudioActions } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { SendIcon } from '../common/graphics.js';
import { PublishDialog, type PublishStart } from './PublishDialog.js';
import { PLATFORM_LABEL } from './publish-format.js';

/**
 * The top bar's Publish button and its dialog. Back from a platform's sign-in, it says how that
 * went and opens the dialog again where the user left it, the new account picked.
 */
export function PublishButton({ connectReturn }: { connectReturn?: ConnectReturn }) {
  const { services } = useStudioActions();
  const notify = useNotify();
  const [open, setOpen] = useState<PublishStart | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const told = useRef(false);

  useEffect(() => {
    if (!connectReturn || told.current) return;
    told.current = true;
    const { connected, error, platform } = connectReturn;
    if (error !== undefined) {
      notify(`Account not connected: ${error}`, 'error');
      if (platform) setOpen({ platform });
      return;
    }
    if (!connected) return;
    services.backend.listAccounts().then(
      ({ accounts }) => {
        const account = accounts.find((a) => a.id === connected);
        notify(account ? `Connected ${account.name} on ${PLATFORM_LABEL[account.platform]}` : 'Account connected', 'success');
        setOpen({ platform: account?.platform ?? platform, accountId: account?.id });
      },
      () => notify('Account connected', 'success'),
    );
  }, [connectReturn, notify, services]);

  const close = () => {
    setOpen(null);
    // Opened on load (back from a sign-in), nothing had focus: the button takes it.
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) button.current?.focus();
    });
  };

  return (
    <>
      <button ref={button} type="button" className="btn btn-sm btn-primary" aria-haspopup="dialog" onClick={() => setOpen({})}>
        <SendIcon /> Publish
      </button>
      {open && <PublishDialog start={open} onClose={close} />}
    </>
  );
}
