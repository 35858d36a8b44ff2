import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';

interface Props {
  error: unknown;
  /** Field errors already shown beside their inputs; the others are listed here. */
  shownFields?: ReadonlySet<string>;
  style?: React.CSSProperties;
}

/**
 * An API problem in words: the server's localised title, what went wrong this time (its `detail`, when it says more
 * than the title), the field messages no input shows, and the request id of a server error.
 */
export function ProblemAlert({ error, shownFields, style }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <Alert type="error" showIcon role="alert" title={error instanceof Error ? error.message : String(error)} style={style} />;
  }
  const rest = error.fieldErrors.filter((f) => !shownFields?.has(f.field));
  const { requestId, detail, title } = error.problem;
  const said = detail && detail !== title && error.status < 500 ? detail : null;
  const description =
    said || rest.length || (error.status >= 500 && requestId) ? (
      <>
        {said && <div>{said}</div>}
        {rest.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {rest.map((f, i) => (
              <li key={i}>
                {f.message} <span style={{ opacity: 0.6 }}>({f.field})</span>
              </li>
            ))}
          </ul>
        )}
        {error.status >= 500 && requestId && (
          <div>
            {t('common.requestId')}: <code>{requestId}</code>
          </div>
        )}
      </>
    ) : undefined;
  return <Alert type="error" showIcon role="alert" title={error.problem.title} description={description} style={style} />;
}
