// Scripts only enhance: every page works without them. GOV.UK Frontend and the MOJ extension, served from this
// site, imported by this module (its tag carries the page's nonce; 'strict-dynamic' lets the imports load).
import { initAll as initGovuk } from "./govuk-frontend.min.js";
import { initAll as initMoj } from "./moj-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initGovuk();
initMoj();
