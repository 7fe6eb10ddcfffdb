// The DOM builder is shared by every panel's UI; this path stays for the incident UI's imports.
export * from '../../shared/ui/dom';
