// The physical floor the launcher is compared with: one button in a shadow root, styled, in
// the top layer, and nothing else (no config, no checks). Built by the bench, not shipped.
(function () {
  var host = document.createElement('div');
  host.setAttribute('data-zoom-cobrowse-widget', '1');
  var shadow = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent = ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;display:block!important}' +
    '.root{position:fixed;bottom:20px;right:20px}button{font:600 15px/1.5 system-ui,sans-serif;min-height:48px;padding:0 18px;border:0;border-radius:99px;background:#0b5cff;color:#fff;cursor:pointer}';
  var root = document.createElement('div');
  root.className = 'root';
  var button = document.createElement('button');
  button.setAttribute('data-part', 'launcher');
  button.textContent = 'Get help';
  root.append(button);
  shadow.append(style, root);
  if (host.showPopover) host.popover = 'manual';
  document.body.appendChild(host);
  if (host.showPopover) host.showPopover();
})();
