import type { Role } from '../../../../shared/api/journey-api.ts';
import type { WebText } from '../text/web-text.ts';

const ROLES: readonly Role[] = ['manager', 'rep'];

export function RoleSwitch({ role, text, onChange }: { readonly role: Role; readonly text: WebText; readonly onChange: (role: Role) => void }) {
  return (
    <fieldset className="switch">
      <legend>{text.viewAs}</legend>
      {ROLES.map((value) => (
        <label key={value} className="switch-option">
          <input type="radio" name="pj-role" value={value} checked={role === value} onChange={() => onChange(value)} />
          {text.roles[value]}
        </label>
      ))}
    </fieldset>
  );
}
