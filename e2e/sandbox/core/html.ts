/** Tiny HTML helpers for the sign-in pages: plain server-rendered forms that Playwright and fetch can both drive. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
body{font-family:'Segoe UI',system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{max-width:440px;margin:48px auto;background:#fff;padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
.brand{font-weight:600;color:#5e5e5e;margin-bottom:16px}
.error{color:#a80000;border-left:4px solid #a80000;padding:4px 8px;margin:12px 0}
button{font-size:15px;min-height:36px;padding:4px 16px;margin:4px 8px 4px 0;cursor:pointer}
button.primary{background:#0067b8;color:#fff;border:1px solid #0067b8}
ul.accounts{list-style:none;padding:0}ul.accounts li{margin:6px 0}
fieldset{border:0;padding:0;margin:12px 0}
label{display:block;margin:8px 0 4px}
input[type=text]{font-size:18px;padding:6px;width:100%;box-sizing:border-box;letter-spacing:2px}
code{background:#f4f4f4;padding:0 3px}
`;

/** `brand`: the provider name shown above the form (each provider's pages look like that provider's). */
export function page(title: string, body: string, brand = 'Contoso'): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<div class="brand">${escapeHtml(brand)}</div>
${body}
</main></body>
</html>`;
}

export function hiddenInputs(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
}

/** The `response_mode=form_post` hand-off: a form that submits itself to the client's redirect URI. */
export function autoPostPage(action: string, fields: Readonly<Record<string, string>>): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
<body>
<form method="post" action="${escapeHtml(action)}">
${hiddenInputs(fields)}
<noscript><p>Script is disabled. Click Continue to continue.</p><button type="submit">Continue</button></noscript>
</form>
<script>document.forms[0].submit();</script>
</body></html>`;
}

export function errorNotice(error: string | null): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

/** One `account` radio of a sign-in page: tests pick it by value, a person reads the label and the detail beside it. */
export interface AccountChoice {
  readonly value: string;
  readonly label: string;
  readonly detail: string;
  readonly checked: boolean;
}

export function accountRadios(legend: string, choices: readonly AccountChoice[]): string {
  const items = choices.map((choice, index) => {
    const id = `account-${index}`;
    const checked = choice.checked ? ' checked' : '';
    return `<li><input type="radio" id="${id}" name="account" value="${escapeHtml(choice.value)}"${checked}> <label for="${id}" style="display:inline">${escapeHtml(choice.label)}</label> <span>${escapeHtml(choice.detail)}</span></li>`;
  });
  return `<fieldset><legend>${escapeHtml(legend)}</legend><ul class="accounts">${items.join('\n')}</ul></fieldset>`;
}

/** Permissions as consent pages list them: the scope as sent, what it allows, and whether it was granted before. */
export function scopeItems(scopes: readonly string[], describe: (scope: string) => string, alreadyGranted: (scope: string) => boolean = () => false): string {
  return scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code> — ${escapeHtml(describe(scope))}${alreadyGranted(scope) ? ' <em>(already granted)</em>' : ''}</li>`).join('\n');
}

export function requestedScopeList(scopes: readonly string[], describe: (scope: string) => string, alreadyGranted?: (scope: string) => boolean): string {
  return `<ul class="scopes" aria-label="Requested permissions">${scopeItems(scopes, describe, alreadyGranted)}</ul>`;
}

/** The consent half of a sign-in page: what the app would like to do, then the Accept / Cancel `decision` buttons. */
export function permissionsSection(appName: string, scopeList: string, finePrint = ''): string {
  return `<section aria-labelledby="consent-heading">
<h2 id="consent-heading">Permissions requested</h2>
<p><strong>${escapeHtml(appName)}</strong> would like to:</p>
${scopeList}${finePrint ? `\n${finePrint}` : ''}
</section>
<button type="submit" class="primary" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="cancel">Cancel</button>`;
}
