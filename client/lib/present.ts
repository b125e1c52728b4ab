// Presentation mode's memory of where the presenter came from, so Escape takes them back there.
export const PRESENT_FROM = 'realise.presentFrom';
export const rememberWherePresentingStarted = () => sessionStorage.setItem(PRESENT_FROM, `${window.location.pathname}${window.location.search}`);
