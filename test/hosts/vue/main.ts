/**
 * A Vue 3 app hosting the portal's widgets (issue 7) with the loader: `<portal-session>` is
 * defined at once, every other widget when its tag appears. Properties go in with `.prop`
 * (`:api.prop`, `:ticketId.prop`), which works before a lazily loaded tag is defined.
 */
import { createApp } from 'vue';
import 'helpdesk-portal/loader';
import App from './App.vue';

createApp(App).mount('#app');
