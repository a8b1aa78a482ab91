// A trainer's one action on a submission: judge it again on the exercise's newest version.
import { useState } from 'preact/hooks';
import { api, authoring, type Submission } from '../lib/api';
import { t } from '../i18n';
import { Icon, errorMessage } from '../components';

export function RejudgeControl({ sub, onDone }: { sub: Submission & { exercise_version?: string }; onDone: () => void }) {
  const [state, setState] = useState<'idle' | 'running' | 'error'>('idle');
  const [error, setError] = useState('');
  const run = async () => {
    setState('running'); setError('');
    try {
      await authoring.rejudge(sub.exercise, Number(sub.id));
      for (let i = 0; i < 600; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const s = await api.submission(sub.id);
        if (s.status === 'done') break;
      }
      setState('idle');
      onDone();
    } catch (e) { setState('error'); setError(errorMessage(e)); }
  };
  return (
    <div class="rejudge">
      {sub.exercise_version ? <span class="muted small">{t('sub.version', { hash: sub.exercise_version.slice(0, 8) })}</span> : null}
      <button type="button" class="btn btn-small" onClick={run} disabled={state === 'running' || sub.status !== 'done'}>
        {state === 'running' ? <><Icon name="spinner" /> {t('sub.rejudging')}</> : t('sub.rejudge')}
      </button>
      {state === 'error' ? <p class="form-error" role="alert">{error}</p> : null}
    </div>
  );
}
