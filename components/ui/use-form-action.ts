"use client";
import { useActionState, useTransition, type FormEvent } from "react";

/**
 * useActionState, but the form keeps what the person typed when the server refuses it: React
 * resets a <form action> after every submission, which would wipe a form sent back with errors.
 */
export function useFormAction<S>(action: (state: Awaited<S>, formData: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const [transitioning, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed is part of the form's answer (confirm or reject), as in a native submission.
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  return [state, onSubmit, pending || transitioning] as const;
}
