import { defineUnlistedScript } from '#imports';
import { publishFirstAsk } from './sidepanel/first-ask';

/**
 * panel-ask.js: a classic (blocking, tiny) script at the top of the side panel's <head>, so its
 * asks leave before the stylesheet and the module load (sidepanel/first-ask.ts).
 */
export default defineUnlistedScript(() => publishFirstAsk());
