/** Access modes that cannot be combined. */
import type { Rule } from './types';
import { claimSpecFields, strings } from './util';
import { replaceFix } from './fixes/storageFixes';

export const readWriteOncePodCombined: Rule = {
  id: 'read-write-once-pod-combined',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume', 'PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: '`ReadWriteOncePod` combined with other access modes',
    ru: '`ReadWriteOncePod` вместе с другими режимами доступа',
  },
  docs: {
    en: '`ReadWriteOncePod` means "one pod in the whole cluster". It cannot be combined with other access modes: the API server rejects such a claim or volume. Use `ReadWriteOncePod` alone (the quick fix leaves only it), or drop it.',
    ru: '`ReadWriteOncePod` означает «один под на весь кластер». Сочетать его с другими режимами доступа нельзя: такую заявку или том API-сервер отклонит. Оставьте только `ReadWriteOncePod` (это сделает быстрое исправление) или уберите его.',
  },
  check(object, data, ctx) {
    for (const { value, path } of claimSpecFields(object.kind, data, 'accessModes')) {
      const modes = strings(value);
      if (!modes.includes('ReadWriteOncePod') || modes.length < 2) continue;
      ctx.report(
        path,
        {
          en: '`ReadWriteOncePod` cannot be combined with other access modes; the API server rejects this. Keep only `ReadWriteOncePod`, or remove it.',
          ru: '`ReadWriteOncePod` нельзя сочетать с другими режимами доступа — API-сервер это отклонит. Оставьте только `ReadWriteOncePod` или уберите его.',
        },
        {
          fix: replaceFix(object, path, '[ReadWriteOncePod]', {
            en: 'Keep only `ReadWriteOncePod`',
            ru: 'Оставить только `ReadWriteOncePod`',
          }),
        },
      );
    }
  },
};
