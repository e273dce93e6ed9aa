import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { HearthClient } from './lib/api/client';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
target.textContent = ''; // index.html's static "Loading Hearth…" until the app takes over
export default mount(App, { target, props: { api: new HearthClient() } });
