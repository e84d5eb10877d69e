import '../../lib/domain/zod-jitless';
import { render } from 'preact';
import { localizeDocument } from '../../lib/platform/i18n';
import { App } from './App';
import '../../components/theme.css';
import '../../components/side-panel.css';

localizeDocument('extName');
render(<App />, document.getElementById('app')!);
